package org.lanyard.core.revocation;

import java.time.Instant;
import org.lanyard.core.audit.AuditTrail;

/** Everything a revocation test needs, wired with in-memory fakes. */
final class Revocations {

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    final TestClock clock = new TestClock(START);
    final MemoryCertificates certificates = new MemoryCertificates();
    final MemoryRevocationStore store = new MemoryRevocationStore();
    final MemoryAuditLog auditLog = new MemoryAuditLog();
    final DirectTransactions tx = new DirectTransactions();
    final AuditTrail audit = new AuditTrail(auditLog, clock, "test-node");
    final TestCa ca;
    final RevokeCertificate revoke;
    final ResumeCertificate resume;

    Revocations(CrlPolicy policy) {
        ca = new TestCa("acme", policy, START.minusSeconds(3600));
        revoke = new RevokeCertificate(certificates, certificates, store, id -> policy, tx, audit, clock);
        resume = new ResumeCertificate(certificates, certificates, store, tx, audit, clock);
    }

    CrlWriter crlWriter() {
        return new CrlWriter(store, clock, null);
    }
}
