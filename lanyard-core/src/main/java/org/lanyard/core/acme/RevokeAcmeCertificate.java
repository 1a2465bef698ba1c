package org.lanyard.core.acme;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lanyard.core.Actor;
import org.lanyard.core.ErrorCode;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.CertificateRecord;
import org.lanyard.core.ca.CertificateStatus;
import org.lanyard.core.ca.CertificateReader;
import org.lanyard.core.ca.SanType;
import org.lanyard.core.ca.Serials;
import org.lanyard.core.revocation.RevocationReason;

/**
 * revokeCert (RFC 8555 §7.6). The payload names the certificate (DER, base64url) and optionally
 * an RFC 5280 reason code. Allowed signers: the account ({@code kid}) that ordered the
 * certificate on this endpoint, an account of the endpoint holding valid authorizations for every
 * (DNS) name in it, or the certificate's own key ({@code jwk} equal to its public key). Only certificates ordered through this endpoint can be revoked here, and only the exact
 * stored bytes match. The revocation itself is the common use case ({@link Revoker}), so CRLs
 * and OCSP follow as for any other revocation. {@code certificateHold} (6) and
 * {@code removeFromCRL} (8) are refused: ACME has no way to lift a hold.
 */
public class RevokeAcmeCertificate {

    /** Port: the validation authority's revoke (status, CRL entry, audit, then CRL/OCSP refresh). */
    @FunctionalInterface
    public interface Revoker {
        void revoke(BigInteger serial, RevocationReason reason, Actor actor);
    }

    /** How many of the account's newest orders are searched for authorizations. */
    static final int MAX_ORDERS = 1000;

    private final AcmeStorage store;
    private final CertificateReader certificates;
    private final Revoker revoker;
    private final Clock clock;

    public RevokeAcmeCertificate(AcmeStorage store, CertificateReader certificates, Revoker revoker, Clock clock) {
        this.store = store;
        this.certificates = certificates;
        this.revoker = revoker;
        this.clock = clock;
    }

    /** @return the serial revoked */
    public BigInteger revoke(AcmeCaller caller, String endpoint) {
        Map<String, Object> payload = caller.message().json();
        byte[] der = Base64Url.decode(text(payload.get("certificate")), "certificate");
        RevocationReason reason = reason(payload.get("reason"));
        X509Certificate certificate = parse(der);
        BigInteger serial = certificate.getSerialNumber();
        String serialHex = Serials.hex(serial);
        CertificateRecord record = certificates.find(serial).filter(r -> r.der() != null
                && Arrays.equals(r.der(), der)).orElseThrow(() -> unknown());
        Order order = store.orders().findByCertificate(serialHex).filter(o -> o.endpoint().equals(endpoint))
                .orElseThrow(() -> unknown());
        Actor actor;
        if (caller.message().kid() != null) {
            if (!order.accountId().equals(caller.account().id()) && !authorizedForAll(caller.account(), record)) {
                throw AcmeError.UNAUTHORIZED.exception("the certificate was not ordered by this account, "
                        + "and the account holds no valid authorization for each of its names");
            }
            actor = caller.actor();
        } else {
            if (!Arrays.equals(caller.key().key().getEncoded(), certificate.getPublicKey().getEncoded())) {
                throw AcmeError.UNAUTHORIZED.exception(
                        "the request is signed neither by the ordering account nor by the certificate's key");
            }
            actor = new Actor("acme:certificate-key", "ACME request signed by the key of certificate " + serialHex);
        }
        if (record.status() == CertificateStatus.REVOKED) {
            throw AcmeError.ALREADY_REVOKED.exception("certificate " + serialHex + " is already revoked");
        }
        try {
            revoker.revoke(serial, reason, actor);
        } catch (LanyardException e) {
            throw switch (e.code()) {
                case "certificate-already-revoked", "certificate-status-changed" ->
                        AcmeError.ALREADY_REVOKED.exception("certificate " + serialHex + " is already revoked");
                case "revocation-reason-unknown" -> AcmeError.BAD_REVOCATION_REASON.exception(e.getMessage());
                case "certificate-unknown", "certificate-not-issued" -> unknown();
                default -> e;
            };
        }
        return serial;
    }

    /** RFC 8555 §7.6: an account with valid authorizations for every name of the certificate. */
    private boolean authorizedForAll(Account account, CertificateRecord record) {
        if (record.subjectAltNames().isEmpty()
                || record.subjectAltNames().stream().anyMatch(san -> san.type() != SanType.DNS)) {
            return false;
        }
        Instant now = clock.instant();
        Set<String> proven = new HashSet<>();
        for (Order o : store.orders().byAccount(account.id(), MAX_ORDERS)) {
            for (Authorization a : store.orders().authorizations(o.id())) {
                if (a.effectiveStatus(now) == Authorization.Status.VALID) {
                    proven.add(a.identifier().value().toLowerCase(Locale.ROOT));
                }
            }
        }
        return record.subjectAltNames().stream().allMatch(san -> proven.contains(san.value().toLowerCase(Locale.ROOT)));
    }

    static RevocationReason reason(Object value) {
        if (value == null) {
            return RevocationReason.unspecified;
        }
        int code;
        try {
            code = value instanceof BigDecimal number ? number.intValueExact() : -1;
        } catch (ArithmeticException e) {
            code = -1;
        }
        if (code < 0 || code > 10 || code == 7 || code == 6 || code == 8) {
            throw AcmeError.BAD_REVOCATION_REASON.exception("reason must be an RFC 5280 CRLReason code: 0-5, 9 or 10"
                    + " (certificateHold and removeFromCRL are not offered through ACME)");
        }
        return RevocationReason.fromCode(code);
    }

    private static String text(Object value) {
        if (!(value instanceof String s) || s.isEmpty()) {
            throw AcmeError.MALFORMED.exception("the payload must carry the certificate (base64url DER)");
        }
        return s;
    }

    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw AcmeError.MALFORMED.exception("the certificate is not a DER X.509 certificate");
        }
    }

    private static LanyardException unknown() {
        return LanyardException.of(ErrorCode.CERTIFICATE_UNKNOWN, "this endpoint issued no such certificate");
    }
}
