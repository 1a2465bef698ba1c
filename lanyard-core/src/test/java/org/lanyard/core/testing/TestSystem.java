package org.lanyard.core.testing;

import java.security.SecureRandom;
import java.time.Instant;
import org.lanyard.core.Actor;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.audit.VerifyAuditChain;
import org.lanyard.core.ca.CreateCertificateAuthority;
import org.lanyard.core.ca.ImportCertificateAuthority;
import org.lanyard.core.ca.IssuancePolicy;
import org.lanyard.core.ca.CheckIssuance;
import org.lanyard.core.ca.IssueCertificate;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.ca.Issuers;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.Serials;
import org.lanyard.core.ca.ShippedProfiles;
import org.lanyard.core.ca.lint.CertificateLint;
import org.lanyard.core.ra.ApprovalPolicy;
import org.lanyard.core.ra.ApproveRequest;
import org.lanyard.core.ra.CancelRequest;
import org.lanyard.core.ra.IssueWithServerKey;
import org.lanyard.core.ra.ListRequests;
import org.lanyard.core.ra.ProfileAccess;
import org.lanyard.core.ra.RejectRequest;
import org.lanyard.core.ra.RequestCertificate;
import org.lanyard.core.ra.RequestRate;
import org.lanyard.core.ra.RequestRateLimit;
import org.lanyard.core.ra.RequestRecords;

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
    public final MemoryRequestStore requests = new MemoryRequestStore();
    public final MemoryTransactions tx = new MemoryTransactions(certificates, issuerStore, profiles, operators,
            auditLog, requests);
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
    // the registration authority (docs/flows/registration.md), with a small rate limit to test against
    public final ProfileAccess profileAccess = new ProfileAccess(profiles);
    public final RequestRate rate = new RequestRate(20, java.time.Duration.ofHours(1));
    public final RequestRateLimit rateLimit = new RequestRateLimit(requests, rate, clock);
    public final RequestRecords records = new RequestRecords(requests, tx, audit, clock);
    public final RequestCertificate requestCertificate = new RequestCertificate(profileAccess, rateLimit,
            new CheckIssuance(profiles, issuers, IssuancePolicy.standard(), clock), records, issue);
    public final ApproveRequest approveRequest = new ApproveRequest(records, new ApprovalPolicy(profileAccess, profiles),
            profiles, issue);
    public final RejectRequest rejectRequest = new RejectRequest(records);
    public final CancelRequest cancelRequest = new CancelRequest(records);
    public final ListRequests listRequests = new ListRequests(requests, profiles, profileAccess);
    public final IssueWithServerKey issueWithServerKey = new IssueWithServerKey(requestCertificate, profileAccess,
            rateLimit);
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
