package org.lanyard.app;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lanyard.core.audit.AuditReader;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.audit.VerifyAuditChain;
import org.lanyard.core.ca.CertificateReader;
import org.lanyard.core.ca.CreateCertificateAuthority;
import org.lanyard.core.ca.ImportCertificateAuthority;
import org.lanyard.core.ca.IssuancePolicy;
import org.lanyard.core.ca.IssueCertificate;
import org.lanyard.core.ca.IssuerReader;
import org.lanyard.core.ca.Issuers;
import org.lanyard.core.ca.KeyVault;
import org.lanyard.core.ca.ProfileReader;
import org.lanyard.core.ca.SaveProfile;
import org.lanyard.core.ca.Serials;
import org.lanyard.core.ca.lint.CertificateLint;
import org.lanyard.core.jobs.Job;
import org.lanyard.core.jobs.JobHistory;
import org.lanyard.core.jobs.JobRunner;
import org.lanyard.core.jobs.JobStore;
import org.lanyard.core.jobs.RunJobNow;
import org.lanyard.core.operator.Authenticate;
import org.lanyard.core.operator.BindOperatorCertificate;
import org.lanyard.core.operator.CreateOperator;
import org.lanyard.core.operator.IssueApiToken;
import org.lanyard.core.operator.OperatorReader;
import org.lanyard.core.operator.ChangeOperatorAccess;
import org.lanyard.core.operator.SaveRole;
import org.lanyard.core.ra.IssueWithServerKey;
import org.lanyard.core.ra.ProfileAccess;
import org.lanyard.core.setup.InitializeSystem;
import org.lanyard.keys.Pkcs11KeyVault;
import org.lanyard.app.acme.Acme;
import org.lanyard.app.metrics.MeteredCertificateStore;
import org.lanyard.app.metrics.MeteredJobStore;
import org.lanyard.app.metrics.MeteredKeyVault;
import org.lanyard.app.metrics.Metrics;
import org.lanyard.app.acme.AcmeSettings;
import org.lanyard.keys.Pkcs12KeyVault;
import org.lanyard.keys.Pkcs11Token;
import org.lanyard.store.Database;

/**
 * The composition root: opens the store and the key vault and wires the core's use cases to
 * them. Plain Java, so the CLI's offline commands and the HTTP server share one wiring.
 *
 * <p>Front ends are handed use cases and read-only views ({@code *Reader}) from here, never the
 * {@link Database}: every change goes through a use case, which audits it. The ACME stack is
 * built on first use, so offline commands that never speak ACME do not build it.
 */
public final class Lanyard implements AutoCloseable {

    private final Settings settings;
    private final Database database;
    private final KeyVault vault;
    private final Metrics metrics;
    private final JobStore jobStore;
    private final Clock clock;
    private final AuditTrail audit;
    private final Issuers issuers;
    private final IssueCertificate issueCertificate;
    private final AcmeSettings acmeSettings;
    private volatile Acme acme;
    private final Validation validation;
    private final JobConfiguration jobConfiguration;
    private final JobRunner jobs;
    private final AtomicBoolean jobsStarted = new AtomicBoolean();
    private final Registration registration;

    private Lanyard(Settings settings, PublicationSettings publicationSettings, Database database, KeyVault vault,
            Clock clock, AcmeSettings acmeSettings) {
        this.settings = settings;
        this.database = database;
        this.metrics = new Metrics();
        this.vault = new MeteredKeyVault(vault, metrics);
        this.clock = clock;
        this.audit = new AuditTrail(database.stores().auditLog(), clock, settings.nodeId());
        this.issuers = new Issuers(database.stores().issuers(), this.vault);
        Publication publication = new Publication(publicationSettings, settings.bindAddress(),
                database.revocations().crlSchedules());
        this.issueCertificate = new IssueCertificate(database.stores().profiles(), issuers,
                new MeteredCertificateStore(database.stores().certificates(), metrics),
                database.transactions(), audit, new Serials(new SecureRandom()), IssuancePolicy.standard(),
                CertificateLint.standard(), clock, publication);
        this.validation = new Validation(database, publicationSettings, publication, issuers, issueCertificate, this.vault,
                audit, clock);
        this.registration = new Registration(database, issuers, issueCertificate, audit, clock,
                Registration.rate(System.getenv()));
        this.acmeSettings = acmeSettings;
        this.jobConfiguration = JobConfiguration.fromEnvironment(System.getenv());
        this.jobStore = new MeteredJobStore(database.jobs(), metrics);
        this.jobs = new JobRunner(jobStore, settings.nodeId(), clock, jobConfiguration.runner());
    }

    public static Lanyard open(Settings settings, Clock clock) {
        return open(settings, PublicationSettings.fromEnvironment(System.getenv()), clock, null);
    }

    /** With {@code acmeSettings} null, ACME is configured from the environment ({@code LANYARD_ACME_*}). */
    public static Lanyard open(Settings settings, Clock clock, AcmeSettings acmeSettings) {
        return open(settings, PublicationSettings.fromEnvironment(System.getenv()), clock, acmeSettings);
    }

    public static Lanyard open(Settings settings, PublicationSettings publicationSettings, Clock clock) {
        return open(settings, publicationSettings, clock, null);
    }

    public static Lanyard open(Settings settings, PublicationSettings publicationSettings, Clock clock,
            AcmeSettings acmeSettings) {
        try {
            Private.directory(settings.dataDir()); // the embedded database and key files live here
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the data directory " + settings.dataDir(), e);
        }
        Database database = settings.databaseUrl().isBlank()
                ? Database.open(Database.h2File(settings.dataDir()), "sa", "")
                : Database.open(settings.databaseUrl(), settings.databaseUser(), settings.databasePassword());
        try {
            return new Lanyard(settings, publicationSettings, database,
                    new LazyKeyVault(() -> openVault(settings), settings.usesPkcs11() ? "pkcs11" : "pkcs12"), clock,
                    acmeSettings);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static KeyVault openVault(Settings settings) {
        if (settings.usesPkcs11()) {
            if (settings.pkcs11Pin() == null) {
                throw new IllegalStateException("LANYARD_PKCS11_PIN is required with LANYARD_PKCS11_LIBRARY");
            }
            Path library = Path.of(settings.pkcs11Library());
            Pkcs11Token token = settings.pkcs11SlotId() != null
                    ? Pkcs11Token.inSlot(library, settings.pkcs11SlotId())
                    : Pkcs11Token.atListIndex(library, settings.pkcs11SlotIndex());
            return new Pkcs11KeyVault(token, settings.pkcs11Pin());
        }
        if (settings.keystorePassword() == null) {
            throw new IllegalStateException("LANYARD_KEYSTORE_PASSWORD is required: it encrypts the CA key store");
        }
        Path file = settings.dataDir().resolve("keys").resolve("ca-keys.p12");
        return new Pkcs12KeyVault(file, settings.keystorePassword());
    }

    public Settings settings() {
        return settings;
    }

    /** The inventory, read-only. */
    public CertificateReader certificates() {
        return database.stores().certificates();
    }

    public IssuerReader issuers() {
        return database.stores().issuers();
    }

    public ProfileReader profiles() {
        return database.stores().profiles();
    }

    public OperatorReader operators() {
        return database.stores().operators();
    }

    public AuditReader auditLog() {
        return database.stores().auditLog();
    }

    public Clock clock() {
        return clock;
    }

    /** This node's meters, scraped by Prometheus at {@code GET /api/v1/metrics}. */
    public Metrics metrics() {
        return metrics;
    }

    public KeyVault vault() {
        return vault;
    }

    public AuditTrail audit() {
        return audit;
    }

    /** The CA itself: for the system's own jobs and tests. Front ends ask {@link #registration()}. */
    public IssueCertificate issueCertificate() {
        return issueCertificate;
    }

    /** The registration authority: the one way in for certificates, and approvals (docs/flows/registration.md). */
    public Registration registration() {
        return registration;
    }

    /** The ACME front end's use cases (issue 4), built on first use. */
    public Acme acme() {
        Acme built = acme;
        if (built == null) {
            synchronized (this) {
                if (acme == null) {
                    acme = new Acme(acmeSettings != null ? acmeSettings
                            : AcmeSettings.fromEnvironment(System.getenv(), settings.dev(), settings.baseUrl()),
                            database.acme(), database.stores().profiles(), database.stores().certificates(),
                            registration.requestCertificate(),
                            (serial, reason, actor) -> validation.revoke(serial, reason, null, actor),
                            audit, clock);
                }
                built = acme;
            }
        }
        return built;
    }

    /** Revocation, CRLs and OCSP (docs/flows/revocation.md). */
    public Validation validation() {
        return validation;
    }

    /**
     * Registers this node's jobs and runs the first run of each that runs at start (CRLs, OCSP
     * responder certificates), or waits for another node's run in progress; returns when they are
     * done, so the server reports ready after them (docs/flows/jobs.md). The offline CLI never
     * calls this: it registers no jobs.
     */
    public void startJobs() {
        if (!jobsStarted.compareAndSet(false, true)) {
            return;
        }
        for (Job job : validation.jobs(settings.nodeId(), jobConfiguration.ocspPresignInterval())) {
            jobs.add(job);
        }
        validation.startJobs();
        jobs.start();
    }

    /** Every job of the cluster and its runs (docs/flows/jobs.md). */
    public JobHistory jobHistory() {
        return new JobHistory(jobStore);
    }

    /** An operator's "run it now". */
    public RunJobNow runJobNow() {
        return new RunJobNow(jobs, jobStore, database.transactions(), audit, clock);
    }

    /** The cluster's job table, for operators' tools and tests (registering another node's job); front ends use {@link #jobHistory()}. */
    public JobStore jobStore() {
        return jobStore;
    }

    public IssueWithServerKey issueWithServerKey() {
        return registration.issueWithServerKey();
    }

    public CreateCertificateAuthority createCertificateAuthority() {
        return new CreateCertificateAuthority(vault, database.stores().issuers(), database.transactions(), audit,
                new Serials(new SecureRandom()), CertificateLint.standard(), clock);
    }

    public ImportCertificateAuthority importCertificateAuthority() {
        return new ImportCertificateAuthority(vault, database.stores().issuers(), database.transactions(), audit, clock);
    }

    public SaveProfile saveProfile() {
        return new SaveProfile(database.stores().profiles(), database.stores().issuers(), database.transactions(), audit);
    }

    public CreateOperator createOperator() {
        return new CreateOperator(database.stores().operators(), database.transactions(), audit, clock);
    }

    public IssueApiToken issueApiToken() {
        return new IssueApiToken(database.stores().operators(), database.transactions(), audit, clock);
    }

    public BindOperatorCertificate bindOperatorCertificate() {
        return new BindOperatorCertificate(database.stores().operators(), database.transactions(), audit);
    }

    public SaveRole saveRole() {
        return new SaveRole(database.stores().operators(), database.transactions(), audit);
    }

    public ChangeOperatorAccess changeOperatorAccess() {
        return new ChangeOperatorAccess(database.stores().operators(), database.transactions(), audit);
    }

    public ProfileAccess profileAccess() {
        return registration.profileAccess();
    }

    public Authenticate authenticate() {
        return new Authenticate(database.stores().operators(), database.stores().certificates(), clock);
    }

    public VerifyAuditChain verifyAuditChain() {
        return new VerifyAuditChain(database.stores().auditLog());
    }

    public InitializeSystem initializeSystem() {
        return new InitializeSystem(database.stores().issuers(), database.stores().profiles(), database.stores().operators(),
                createCertificateAuthority(), createOperator(), issueApiToken(), database.transactions(), audit);
    }

    @Override
    public void close() {
        jobs.close();
        validation.close();
        database.close();
        metrics.close();
    }
}
