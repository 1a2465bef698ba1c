package org.lanyard.core.revocation;

import java.time.Instant;
import org.lanyard.core.audit.AuditTrail;

/** Everything a revocation test needs, wired with in-memory fakes. */
final class Revocations {

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    final TestClock clock;
    final MemoryCertificates certificates = new MemoryCertificates();
    final MemoryRevocationStore store = new MemoryRevocationStore();
    final MemoryAuditLog auditLog = new MemoryAuditLog();
    final DirectTransactions tx = new DirectTransactions();
    final AuditTrail audit;
    final TestCa ca;
    final RevokeCertificate revoke;
    final ResumeCertificate resume;

    Revocations(CrlPolicy policy) {
        this(policy, "acme");
    }

    Revocations(CrlPolicy policy, String issuerId) {
        this(policy, issuerId, START);
    }

    Revocations(CrlPolicy policy, String issuerId, Instant start) {
        clock = new TestClock(start);
        audit = new AuditTrail(auditLog, clock, "test-node");
        ca = new TestCa(issuerId, policy, start.minusSeconds(3600));
        revoke = new RevokeCertificate(certificates, certificates, store, id -> policy, tx, audit, clock);
        resume = new ResumeCertificate(certificates, certificates, store, tx, audit, clock);
    }

    /** A delegated responder key for the issuing CA, valid for 30 days from the CA's start. */
    OcspSigningKey ocspKey() {
        SoftwareSigner key = SoftwareSigner.generate(org.lanyard.core.ca.KeyAlgorithm.EC_P256);
        java.security.cert.X509Certificate certificate = OcspSigningCertificate.build(ca.issuing, key.publicKey(),
                java.math.BigInteger.valueOf(clock.instant().getEpochSecond()), "acme OCSP responder",
                clock.instant().minusSeconds(3600), clock.instant().plus(java.time.Duration.ofDays(30)));
        return new OcspSigningKey(ca.issuing.issuer().id(), ca.issuing.issuer().certificate(), certificate, key);
    }

    OcspResponder ocspResponder(OcspSigningKey key) {
        return new OcspResponder(() -> java.util.List.of(key), certificates, store, clock, OcspSettings.defaults());
    }

    CrlWriter crlWriter() {
        return new CrlWriter(store, clock, null);
    }
}
