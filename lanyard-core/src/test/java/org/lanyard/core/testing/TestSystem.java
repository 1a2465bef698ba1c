package org.lanyard.core.testing;

import java.security.SecureRandom;
import java.time.Instant;
import org.lanyard.core.Actor;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.audit.VerifyAuditChain;
import org.lanyard.core.ca.CreateCertificateAuthority;
import org.lanyard.core.ca.ImportCertificateAuthority;
import org.lanyard.core.ca.IssuancePolicy;
import org.lanyard.core.ca.IssueCertificate;
import org.lanyard.core.ca.IssueWithServerKey;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.ca.Issuers;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.Serials;
import org.lanyard.core.ca.ShippedProfiles;
import org.lanyard.core.ca.lint.CertificateLint;

/** The core wired to in-memory fakes: what the server module does with real adapters. */
public final class TestSystem {

    public static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    public static final Actor ALICE = new Actor("op-alice", "alice");

    public final MutableClock clock = new MutableClock(START);
    public final MemoryCertificateStore certificates = new MemoryCertificateStore();
    public final MemoryIssuerStore issuerStore = new MemoryIssuerStore();
    public final MemoryProfileStore profiles = new MemoryProfileStore();
    public final MemoryOperatorStore operators = new MemoryOperatorStore();
    public final MemoryAuditLog auditLog = new MemoryAuditLog();
    public final MemoryTransactions tx = new MemoryTransactions(certificates, issuerStore, profiles, operators,
            auditLog);
    public final SoftwareKeyVault vault = new SoftwareKeyVault();
    public final AuditTrail audit = new AuditTrail(auditLog, clock, "node-1");
    public final Serials serials = new Serials(new SecureRandom());
    public final CertificateLint lint = CertificateLint.standard();
    public final Issuers issuers = new Issuers(issuerStore, vault);
    public final CreateCertificateAuthority createCa = new CreateCertificateAuthority(vault, issuerStore, tx, audit,
            serials, lint, clock);
    public final ImportCertificateAuthority importCa = new ImportCertificateAuthority(vault, issuerStore, tx, audit,
            clock);
    public final IssueCertificate issue = new IssueCertificate(profiles, issuers, certificates, tx, audit, serials,
            IssuancePolicy.standard(), lint, clock);
    public final IssueWithServerKey issueWithServerKey = new IssueWithServerKey(issue, profiles);
    public final VerifyAuditChain verifyAudit = new VerifyAuditChain(auditLog);

    /** Shipped profiles saved and a CA of {@code algorithm} created as the default issuer. */
    public static TestSystem withCa(KeyAlgorithm algorithm) {
        TestSystem s = new TestSystem();
        ShippedProfiles.all().forEach(s.profiles::save);
        s.createCa(algorithm);
        return s;
    }

    public Issuer createCa(KeyAlgorithm algorithm) {
        return createCa.create(CreateCertificateAuthority.Spec.defaults("test-" + algorithm.id(), "Test " + algorithm.id(),
                algorithm), ALICE);
    }
}
