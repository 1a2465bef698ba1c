package org.lanyard.core.ca;

import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.ca.lint.CertificateLint;
import org.lanyard.core.tx.Transactions;

/**
 * Issues one certificate from an approved request. The steps, and why they come in this order,
 * are in docs/flows/issuance.md; the numbers below refer to them. In short: nothing is signed
 * before the serial is reserved and the request recorded, nothing is signed that failed the
 * lint, and nothing is returned that the store does not hold (DESIGN.md §5).
 */
public class IssueCertificate {

    /** notBefore is set this far back, for relying parties whose clocks run slow. */
    static final Duration BACKDATE = Duration.ofMinutes(1);
    private static final int SERIAL_ATTEMPTS = 5;

    private final ProfileStore profiles;
    private final Issuers issuers;
    private final CertificateStore store;
    private final Transactions tx;
    private final AuditTrail audit;
    private final Serials serials;
    private final IssuancePolicy policy;
    private final CertificateLint lint;
    private final Clock clock;
    private final PublicationUrls publication;

    public IssueCertificate(ProfileStore profiles, Issuers issuers, CertificateStore store, Transactions tx,
            AuditTrail audit, Serials serials, IssuancePolicy policy, CertificateLint lint, Clock clock) {
        this(profiles, issuers, store, tx, audit, serials, policy, lint, clock, PublicationUrls.NONE);
    }

    /** @param publication the issuers' CRL, OCSP and caIssuers URLs written where profiles name none */
    public IssueCertificate(ProfileStore profiles, Issuers issuers, CertificateStore store, Transactions tx,
            AuditTrail audit, Serials serials, IssuancePolicy policy, CertificateLint lint, Clock clock,
            PublicationUrls publication) {
        this.publication = publication;
        this.profiles = profiles;
        this.issuers = issuers;
        this.store = store;
        this.tx = tx;
        this.audit = audit;
        this.serials = serials;
        this.policy = policy;
        this.lint = lint;
        this.clock = clock;
    }

    public IssuedCertificate issue(IssuanceRequest request) {
        // 1. profile and issuer
        CertificateProfile profile = profiles.find(request.profileId()).orElseThrow(() -> LanyardException.notFound(
                "profile-unknown", "certificate profile '" + request.profileId() + "' does not exist"));
        ActiveIssuer issuer = issuers.resolve(request.issuerId() != null ? request.issuerId() : profile.issuerId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        // 2. policy: every named rule
        IssuanceContext context = new IssuanceContext(profile, issuer.issuer(), request.csr(), request.variables(), now);
        policy.check(context);
        X500Name subject = SubjectTemplate.parse(profile.subjectTemplate()).fill(context.templateValues());
        Instant notBefore = now.minus(BACKDATE);
        Instant issuerEnd = issuer.issuer().certificate().getNotAfter().toInstant();
        Instant notAfter = notBefore.plus(profile.validity()).isAfter(issuerEnd) ? issuerEnd
                : notBefore.plus(profile.validity());
        if (notBefore.isBefore(issuer.issuer().certificate().getNotBefore().toInstant())) {
            notBefore = issuer.issuer().certificate().getNotBefore().toInstant();
        }

        // 3. reserve the serial and record the request, in one transaction with its audit event
        CertificateRecord reservation = reserve(request, profile, issuer, subject, now);
        BigInteger serial = reservation.serial();
        try {
            // 4. build the to-be-signed certificate and lint it
            TBSCertificate tbs = Certificates.leaf(serial, issuer.issuer(), issuer.signer().algorithm(), subject,
                    request.csr().publicKey(), request.csr().subjectAltNames(), profile, notBefore, notAfter,
                    publication.of(issuer.issuer().id(), serial));
            lint.require(tbs, issuer.issuer().certificate());

            // 5. sign
            X509Certificate certificate = Certificates.sign(tbs, issuer.signer());

            // 6. store, in one transaction with its audit event; only then return it
            CertificateRecord issued = issuedRecord(reservation, certificate);
            tx.run(() -> {
                store.complete(issued);
                audit.record(request.requestedBy(), "certificate.issued", Serials.hex(serial),
                        Map.of("profile", profile.id(), "issuer", issuer.issuer().id(), "subject", issued.subject(),
                                "notAfter", notAfter.toString()));
            });
            return new IssuedCertificate(issued, certificate, issuer.issuer().chain());
        } catch (RuntimeException e) {
            markFailed(request, serial, e);
            throw e;
        }
    }

    private CertificateRecord reserve(IssuanceRequest request, CertificateProfile profile, ActiveIssuer issuer,
            X500Name subject, Instant now) {
        String keyAlgorithm = KeyAlgorithm.of(request.csr().publicKey()).map(KeyAlgorithm::id).orElse("unknown");
        for (int attempt = 1; ; attempt++) {
            CertificateRecord reservation = new CertificateRecord(serials.next(), issuer.issuer().id(), profile.id(),
                    CertificateStatus.RESERVED, subject.toString(), request.csr().subjectAltNames(), null, null,
                    keyAlgorithm, request.requestedBy().toString(), now, null, null);
            try {
                tx.run(() -> {
                    store.reserve(reservation);
                    audit.record(request.requestedBy(), "certificate.requested", reservation.serialHex(),
                            Map.of("profile", profile.id(), "subject", reservation.subject()));
                });
                return reservation;
            } catch (CertificateStore.SerialInUseException collision) {
                if (attempt == SERIAL_ATTEMPTS) {
                    throw new LanyardException(ErrorKind.INTERNAL, "serial-exhausted",
                            "no free serial number after " + SERIAL_ATTEMPTS + " attempts", Map.of(), collision);
                }
            }
        }
    }

    private static CertificateRecord issuedRecord(CertificateRecord reservation, X509Certificate certificate) {
        try {
            return new CertificateRecord(reservation.serial(), reservation.issuerId(), reservation.profileId(),
                    CertificateStatus.VALID, reservation.subject(), reservation.subjectAltNames(),
                    certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                    reservation.keyAlgorithm(), reservation.requestedBy(), reservation.createdAt(),
                    certificate.getEncoded(), null);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Best effort: if the store is down, the record simply stays RESERVED and is never returned. */
    private void markFailed(IssuanceRequest request, BigInteger serial, RuntimeException cause) {
        String reason = cause instanceof LanyardException le ? le.code() : cause.getClass().getSimpleName();
        try {
            tx.run(() -> {
                store.fail(serial, reason);
                audit.record(request.requestedBy(), "certificate.failed", Serials.hex(serial), Map.of("reason", reason));
            });
        } catch (RuntimeException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }

}
