package org.lanyard.server.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.audit.VerifyAuditChain;
import org.lanyard.core.ca.CreateCertificateAuthority;
import org.lanyard.core.ca.ImportCertificateAuthority;
import org.lanyard.core.ca.IssuancePolicy;
import org.lanyard.core.ca.IssueCertificate;
import org.lanyard.core.ca.Issuers;
import org.lanyard.core.ca.KeyVault;
import org.lanyard.core.ca.SaveProfile;
import org.lanyard.core.ca.Serials;
import org.lanyard.core.ca.lint.CertificateLint;
import org.lanyard.core.operator.Authenticate;
import org.lanyard.core.operator.BindOperatorCertificate;
import org.lanyard.core.operator.CreateOperator;
import org.lanyard.core.operator.IssueApiToken;
import org.lanyard.core.operator.ChangeOperatorAccess;
import org.lanyard.core.operator.SaveRole;
import org.lanyard.core.ra.IssueWithServerKey;
import org.lanyard.core.ra.ProfileAccess;
import org.lanyard.core.setup.InitializeSystem;
import org.lanyard.keys.Pkcs11KeyVault;
import org.lanyard.server.acme.Acme;
import org.lanyard.server.acme.AcmeSettings;
import org.lanyard.keys.Pkcs12KeyVault;
import org.lanyard.keys.Pkcs11Token;
import org.lanyard.store.Database;

/**
 * The composition root: opens the store and the key vault and wires the core's use cases to
 * them. Plain Java, so the CLI's offline commands and the HTTP server share one wiring.
 */
public final class Lanyard implements AutoCloseable {

    private final Settings settings;
    private final Database database;
    private final KeyVault vault;
    private final Clock clock;
    private final AuditTrail audit;
    private final Issuers issuers;
    private final IssueCertificate issueCertificate;
    private final Acme acme;
    private final Validation validation;
    private final Registration registration;

    private Lanyard(Settings settings, PublicationSettings publicationSettings, Database database, KeyVault vault,
            Clock clock, AcmeSettings acmeSettings) {
        this.settings = settings;
        this.database = database;
        this.vault = vault;
        this.clock = clock;
        this.audit = new AuditTrail(database.stores().auditLog(), clock, settings.nodeId());
        this.issuers = new Issuers(database.stores().issuers(), vault);
        Publication publication = new Publication(publicationSettings, settings.bindAddress(),
                database.revocations().crlSchedules());
        this.issueCertificate = new IssueCertificate(database.stores().profiles(), issuers, database.stores().certificates(),
                database.transactions(), audit, new Serials(new SecureRandom()), IssuancePolicy.standard(),
                CertificateLint.standard(), clock, publication);
        this.validation = new Validation(database, publicationSettings, publication, issuers, issueCertificate, vault,
                audit, clock);
        this.registration = new Registration(database, issuers, issueCertificate, audit, clock,
                Registration.rate(System.getenv()));
        this.acme = new Acme(acmeSettings != null ? acmeSettings
                : AcmeSettings.fromEnvironment(System.getenv(), settings.dev(), settings.baseUrl()),
                database.acme(), database.stores().profiles(), registration.requestCertificate(), audit, clock);
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

    public Database database() {
        return database;
    }

    public Clock clock() {
        return clock;
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

    /** The ACME front end's use cases (issue 4). */
    public Acme acme() {
        return acme;
    }

    /** Revocation, CRLs and OCSP (docs/flows/revocation.md). */
    public Validation validation() {
        return validation;
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
        validation.close();
        database.close();
    }
}
