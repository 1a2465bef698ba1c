package org.lanyard.core.operator;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import org.lanyard.core.ca.CertificateRecord;
import org.lanyard.core.ca.CertificateStatus;
import org.lanyard.core.ca.CertificateStore;
import java.util.Set;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;

/**
 * Turns presented credentials into an {@link AuthenticatedOperator}: an API token (Bearer) or a
 * client certificate from mutual TLS whose fingerprint is bound to an operator. The TLS layer
 * has already checked the certificate chains to a trusted issuer.
 */
public class Authenticate {

    private final OperatorStore store;
    private final CertificateStore certificates;
    private final Clock clock;

    public Authenticate(OperatorStore store, Clock clock) {
        this(store, null, clock);
    }

    /**
     * With {@code certificates}, a client certificate that Lanyard issued must still be valid in
     * the store: a revoked or held operator certificate no longer signs in.
     */
    public Authenticate(OperatorStore store, CertificateStore certificates, Clock clock) {
        this.store = store;
        this.certificates = certificates;
        this.clock = clock;
    }

    public AuthenticatedOperator byToken(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 512) {
            throw unauthenticated("token-invalid", "the API token is missing or malformed");
        }
        ApiToken token = store.findTokenByHash(Secrets.sha256Hex(secret.trim()))
                .orElseThrow(() -> unauthenticated("token-invalid", "the API token is not known"));
        if (token.revoked() || (token.expiresAt() != null && !clock.instant().isBefore(token.expiresAt()))) {
            throw unauthenticated("token-invalid", "the API token is revoked or expired");
        }
        Operator operator = store.findOperator(token.operatorId())
                .orElseThrow(() -> unauthenticated("token-invalid", "the API token's operator no longer exists"));
        return authenticated(operator, "token");
    }

    public AuthenticatedOperator byCertificate(X509Certificate certificate) {
        String fingerprint;
        try {
            fingerprint = Secrets.sha256Hex(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw unauthenticated("certificate-invalid", "the client certificate cannot be read");
        }
        if (certificates != null) {
            certificates.find(certificate.getSerialNumber()).filter(r -> matches(r, certificate))
                    .filter(r -> r.status() != CertificateStatus.VALID).ifPresent(r -> {
                        throw unauthenticated("certificate-revoked", "the client certificate is " + r.status()
                                .name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                    });
        }
        Optional<Operator> operator = store.findOperatorByCertificate(fingerprint);
        return authenticated(operator.orElseThrow(() -> unauthenticated("certificate-unknown",
                "the client certificate is not bound to an operator")), "certificate");
    }

    private static boolean matches(CertificateRecord record, X509Certificate certificate) {
        try {
            return record.der() != null && java.util.Arrays.equals(record.der(), certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    private AuthenticatedOperator authenticated(Operator operator, String method) {
        if (!operator.enabled()) {
            throw unauthenticated("operator-disabled", "operator '" + operator.name() + "' is disabled");
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String roleId : operator.roleIds()) {
            store.findRole(roleId).ifPresent(role -> permissions.addAll(role.permissions()));
        }
        return new AuthenticatedOperator(operator, permissions, method);
    }

    private static LanyardException unauthenticated(String code, String detail) {
        return new LanyardException(ErrorKind.UNAUTHENTICATED, code, detail);
    }
}
