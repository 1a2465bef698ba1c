package org.lanyard.core.acme;

import java.util.Map;
import org.lanyard.core.ErrorCode;
import org.lanyard.core.LanyardException;

/**
 * The failures of the ACME use cases that RFC 8555 §6.7 names (and RFC 8657/8737 use). The core
 * still raises only {@link LanyardException} (ADR 0005): its code is the catalogue's
 * {@code acme-<type>} entry and its kind that entry's kind. Which ACME problem type and HTTP
 * status a client sees is decided at the ACME edge ({@code server.acme.AcmeErrorMapping}, ADR
 * 0013), which also maps every other code by its kind; the core carries no HTTP status.
 */
public enum AcmeError {
    ACCOUNT_DOES_NOT_EXIST(ErrorCode.ACME_ACCOUNT_DOES_NOT_EXIST),
    ALREADY_REVOKED(ErrorCode.ACME_ALREADY_REVOKED),
    BAD_CSR(ErrorCode.ACME_BAD_CSR),
    BAD_NONCE(ErrorCode.ACME_BAD_NONCE),
    BAD_PUBLIC_KEY(ErrorCode.ACME_BAD_PUBLIC_KEY),
    BAD_REVOCATION_REASON(ErrorCode.ACME_BAD_REVOCATION_REASON),
    BAD_SIGNATURE_ALGORITHM(ErrorCode.ACME_BAD_SIGNATURE_ALGORITHM),
    CAA(ErrorCode.ACME_CAA),
    COMPOUND(ErrorCode.ACME_COMPOUND),
    CONNECTION(ErrorCode.ACME_CONNECTION),
    DNS(ErrorCode.ACME_DNS),
    EXTERNAL_ACCOUNT_REQUIRED(ErrorCode.ACME_EXTERNAL_ACCOUNT_REQUIRED),
    INCORRECT_RESPONSE(ErrorCode.ACME_INCORRECT_RESPONSE),
    INVALID_CONTACT(ErrorCode.ACME_INVALID_CONTACT),
    INVALID_PROFILE(ErrorCode.ACME_INVALID_PROFILE),
    MALFORMED(ErrorCode.ACME_MALFORMED),
    ORDER_NOT_READY(ErrorCode.ACME_ORDER_NOT_READY),
    RATE_LIMITED(ErrorCode.ACME_RATE_LIMITED),
    REJECTED_IDENTIFIER(ErrorCode.ACME_REJECTED_IDENTIFIER),
    SERVER_INTERNAL(ErrorCode.ACME_SERVER_INTERNAL),
    TLS(ErrorCode.ACME_TLS),
    UNAUTHORIZED(ErrorCode.ACME_UNAUTHORIZED),
    UNSUPPORTED_CONTACT(ErrorCode.ACME_UNSUPPORTED_CONTACT),
    UNSUPPORTED_IDENTIFIER(ErrorCode.ACME_UNSUPPORTED_IDENTIFIER),
    USER_ACTION_REQUIRED(ErrorCode.ACME_USER_ACTION_REQUIRED);

    /** Property holding a list of {@link Subproblem}s. */
    public static final String SUBPROBLEMS = "subproblems";
    /** Property holding the URL of a related resource (sent as Location). */
    public static final String LOCATION = "location";
    /** Property holding seconds until a retry may succeed. */
    public static final String RETRY_AFTER = LanyardException.RETRY_AFTER;

    private final ErrorCode code;

    AcmeError(ErrorCode code) {
        this.code = code;
    }

    /** The catalogue entry, e.g. {@code acme-badNonce}. */
    public ErrorCode code() {
        return code;
    }

    public LanyardException exception(String detail) {
        return exception(detail, Map.of());
    }

    public LanyardException exception(String detail, Map<String, Object> properties) {
        return LanyardException.of(code, detail, properties);
    }

    /** The ACME failure a code names, if it is one of them. */
    public static AcmeError byCode(String code) {
        for (AcmeError e : values()) {
            if (e.code.code().equals(code)) {
                return e;
            }
        }
        return null;
    }

    /**
     * A problem about one identifier, inside a {@link #COMPOUND} or other top-level problem; the
     * edge turns its {@code code} into an ACME type as it does the top-level one.
     */
    public record Subproblem(String code, String detail, Identifier identifier) {
    }
}
