package org.lanyard.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The front ends' seams (docs/architecture.md): each front end — the REST API ({@code web}),
 * ACME ({@code acme}), publication of CRLs, OCSP and CA certificates ({@code publication}) — is
 * handed use cases and read-only views through its constructor. None reaches the store, the
 * key vault or the composition root, and none uses another front end's classes; what they share
 * (authentication, permissions, problem+json) is in {@code http}.
 */
class FrontEndRulesTest {

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lanyard.server");

    private static final String[] FRONT_ENDS = {"org.lanyard.server.web..", "org.lanyard.server.acme..",
            "org.lanyard.server.publication.."};

    @Test
    void frontEndsNeverTouchTheStoreTheVaultOrTheCompositionRoot() {
        noClasses().that().resideInAnyPackage(FRONT_ENDS).should().dependOnClassesThat()
                .resideInAnyPackage("org.lanyard.store..", "org.lanyard.keys..", "java.sql..", "javax.sql..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.lanyard.app.Lanyard")
                .check(SERVER);
    }

    @Test
    void sharedHttpInfrastructureKnowsNoFrontEnd() {
        noClasses().that().resideInAPackage("org.lanyard.server.http..").should().dependOnClassesThat()
                .resideInAnyPackage(FRONT_ENDS).check(SERVER);
    }

    @Test
    void frontEndsDoNotUseEachOther() {
        slices().matching("org.lanyard.server.(web|acme|publication)..").should().notDependOnEachOther()
                .check(SERVER);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.lanyard.(*)..").should().beFreeOfCycles().check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.lanyard.server", "org.lanyard.app"));
        slices().matching("org.lanyard.server.(*)..").should().beFreeOfCycles().check(SERVER);
    }
}
