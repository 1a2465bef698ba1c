package org.lanyard.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ca.IssueCertificate;
import org.lanyard.core.revocation.RenewOcspSigner;

/** The core is plain Java and BouncyCastle: no framework, no JDBC, no adapter (ADR 0001). */
class DependencyRuleTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lanyard.core");

    @Test
    void coreDependsOnlyOnJavaBouncyCastleAndItself() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                "java..", "javax.security..", "javax.crypto..", "org.bouncycastle..", "org.jspecify.annotations..",
                "org.lanyard.core..")
                .check(CORE);
    }

    @Test
    void noSpringNoJdbcNoServlet() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                "javax.sql..", "jakarta..", "javax.servlet..", "org.lanyard.store..", "org.lanyard.server..")
                .check(CORE);
    }

    /**
     * The CA is reached through the registration authority (docs/flows/registration.md): inside
     * the core, only {@code ra} and the CA's own internal job (the OCSP responder certificate)
     * call {@link IssueCertificate}. The server module's IssuancePathTest adds the composition root.
     */
    @Test
    void onlyTheRaAndInternalJobsIssue() {
        noClasses().that().resideOutsideOfPackage("org.lanyard.core.ra..")
                .and().doNotBelongToAnyOf(IssueCertificate.class, RenewOcspSigner.class)
                .should().dependOnClassesThat().belongToAnyOf(IssueCertificate.class)
                .because("every front end asks the RA (RequestCertificate), which alone hands requests to the CA")
                .check(CORE);
    }

    @Test
    void timeComesFromAnInjectedClock() {
        noClasses().should().callMethod(java.time.Instant.class, "now").orShould()
                .callMethod(java.lang.System.class, "currentTimeMillis").check(CORE);
    }
}
