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
import org.lanyard.core.ca.content.TbsBuilder;
import org.lanyard.core.ca.lint.CertificateLint;
import org.lanyard.core.ca.lint.LintedCertificate;
import org.lanyard.core.tx.Transactions;

/**
 * Issues one certificate from an approved request. The steps, and why they come in this order,
 * are in docs/flows/issuance.md; the numbers below refer to them. In short: nothing is signed
 * before the serial is reserved and the request recorded with the hash of the linted TBS,
 * nothing is signed that failed the lint (only a {@link LintedCertificate} can be signed),
 * and nothing is returned that the store does not hold or that differs from what was linted
 * (DESIGN.md §5).
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

        // 3. build the to-be-signed certificate under a fresh serial and lint it, then
        // 4. reserve that serial and record the request with the hash of the linted TBS, in one
        //    transaction with its audit event; a refused TBS is recorded too, and marked FAILED
        Content content = new Content(request, profile, issuer, subject, notBefore, notAfter);
        Reserved reserved = reserve(content, now);
        BigInteger serial = reserved.record().serial();
        try {
            // 5. sign: only a LintedCertificate can be signed, and only once its hash is stored
            X509Certificate certificate = Certificates.sign(reserved.linted(), issuer.signer());

            // 6. store, in one transaction with its audit event, if the signed TBS is the one
            //    recorded; only then return it
            CertificateRecord issued = issuedRecord(reserved.record(), certificate);
            tx.run(() -> {
                String recorded = store.tbsHash(serial).orElse(null);
                if (!issued.tbsHash().equals(recorded)) {
                    throw new LanyardException(ErrorKind.INTERNAL, "tbs-hash-mismatch",
                            "the signed certificate is not the one that passed the lint (TBS SHA-256 "
                                    + issued.tbsHash() + ", recorded " + recorded + ")", Map.of());
                }
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

    /** What steps 3 and 4 need to build a certificate under any serial. */
    private record Content(IssuanceRequest request, CertificateProfile profile, ActiveIssuer issuer,
            X500Name subject, Instant notBefore, Instant notAfter) {
    }

    /** A reservation and the linted TBS whose hash it holds. */
    private record Reserved(CertificateRecord record, LintedCertificate linted) {
    }

    /**
     * Steps 3 and 4. The TBS names its serial, so it is built and linted for each serial drawn; a
     * serial that turns out to be taken (the insert fails) draws another, up to 5 times. A TBS
     * that fails the lint (or cannot be built) is still reserved, so the attempt is on record,
     * and then marked FAILED; its error is thrown and no signer is called.
     */
    private Reserved reserve(Content c, Instant now) {
        IssuanceRequest request = c.request();
        ActiveIssuer issuer = c.issuer();
        String keyAlgorithm = KeyAlgorithm.of(request.csr().publicKey()).map(KeyAlgorithm::id).orElse("unknown");
        for (int attempt = 1; ; attempt++) {
            BigInteger serial = serials.next();
            LintedCertificate linted = null;
            RuntimeException refused = null;
            try {
                TBSCertificate tbs = new TbsBuilder(serial, issuer.issuer().certificate(),
                        Certificates.signatureAlgorithm(issuer.signer().algorithm()), c.subject(),
                        request.csr().publicKey(), request.csr().subjectAltNames(), c.notBefore(), c.notAfter())
                        .apply(c.profile().modifiers(publication.of(issuer.issuer().id(), serial)))
                        .build();
                linted = lint.require(tbs, issuer.issuer().certificate());
            } catch (RuntimeException e) {
                refused = e;
            }
            String tbsHash = linted == null ? null : linted.sha256();
            CertificateRecord reservation = new CertificateRecord(serial, issuer.issuer().id(), c.profile().id(),
                    CertificateStatus.RESERVED, c.subject().toString(), request.csr().subjectAltNames(), null, null,
                    keyAlgorithm, request.requestedBy().toString(), now, null, null, tbsHash);
            Map<String, String> details = tbsHash == null
                    ? Map.of("profile", c.profile().id(), "subject", reservation.subject())
                    : Map.of("profile", c.profile().id(), "subject", reservation.subject(), "tbsSha256", tbsHash);
            try {
                tx.run(() -> {
                    store.reserve(reservation);
                    audit.record(request.requestedBy(), "certificate.requested", reservation.serialHex(), details);
                });
            } catch (CertificateStore.SerialInUseException collision) {
                if (attempt == SERIAL_ATTEMPTS) {
                    throw new LanyardException(ErrorKind.INTERNAL, "serial-exhausted",
                            "no free serial number after " + SERIAL_ATTEMPTS + " attempts", Map.of(), collision);
                }
                continue;
            }
            if (refused != null) {
                markFailed(request, serial, refused);
                throw refused;
            }
            return new Reserved(reservation, linted);
        }
    }

    private static CertificateRecord issuedRecord(CertificateRecord reservation, X509Certificate certificate) {
        try {
            return new CertificateRecord(reservation.serial(), reservation.issuerId(), reservation.profileId(),
                    CertificateStatus.VALID, reservation.subject(), reservation.subjectAltNames(),
                    certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                    reservation.keyAlgorithm(), reservation.requestedBy(), reservation.createdAt(),
                    certificate.getEncoded(), null, LintedCertificate.sha256(certificate.getTBSCertificate()));
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
