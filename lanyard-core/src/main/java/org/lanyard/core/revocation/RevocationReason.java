package org.lanyard.core.revocation;

import java.util.Arrays;
import org.lanyard.core.LanyardException;

/**
 * RFC 5280 §5.3.1 CRLReason, with the names the API and CRLs use. {@code removeFromCRL} only
 * appears in delta CRLs, for a hold that was lifted; it is never accepted as a reason to revoke.
 */
public enum RevocationReason {
    unspecified(0),
    keyCompromise(1),
    cACompromise(2),
    affiliationChanged(3),
    superseded(4),
    cessationOfOperation(5),
    certificateHold(6),
    removeFromCRL(8),
    privilegeWithdrawn(9),
    aACompromise(10);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    /** The CRLReason enumerated value. */
    public int code() {
        return code;
    }

    /** A hold suspends the certificate; it can be lifted ({@link ResumeCertificate}) or made permanent. */
    public boolean isHold() {
        return this == certificateHold;
    }

    /**
     * The reason named in a revocation request (case-sensitive RFC 5280 name). A missing name
     * means {@code unspecified}; {@code removeFromCRL} and unknown names are refused.
     */
    public static RevocationReason forRevocation(String name) {
        if (name == null || name.isBlank()) {
            return unspecified;
        }
        RevocationReason reason = Arrays.stream(values()).filter(r -> r.name().equals(name.trim())).findFirst()
                .orElseThrow(() -> LanyardException.invalid("revocation-reason-unknown", "'" + name
                        + "' is not an RFC 5280 revocation reason; use one of keyCompromise, cACompromise, "
                        + "affiliationChanged, superseded, cessationOfOperation, certificateHold, "
                        + "privilegeWithdrawn, aACompromise, unspecified"));
        if (reason == removeFromCRL) {
            throw LanyardException.invalid("revocation-reason-unknown",
                    "removeFromCRL is not a revocation reason; resume the certificate to lift a hold");
        }
        return reason;
    }

    public static RevocationReason fromCode(int code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no CRLReason " + code));
    }
}
