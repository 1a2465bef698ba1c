package org.lanyard.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ca.IssueCertificate;
import org.lanyard.core.revocation.RenewOcspSigner;

/**
 * Every front end reaches the CA through the registration authority (docs/flows/registration.md):
 * {@link IssueCertificate} is used only by {@code core.ra}, the CA's internal job
 * ({@link RenewOcspSigner}) and the composition root, which wires them ({@code org.lanyard.app}). Controllers,
 * the ACME front end, the CLI and any other core package ask {@code RequestCertificate}.
 */
class IssuancePathTest {

    private static final JavaClasses LANYARD = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lanyard");

    @Test
    void onlyTheRaInternalJobsAndTheCompositionRootUseTheCa() {
        noClasses().that().resideOutsideOfPackages("org.lanyard.core.ra..", "org.lanyard.app..")
                .and().doNotBelongToAnyOf(IssueCertificate.class, RenewOcspSigner.class)
                .should().dependOnClassesThat().belongToAnyOf(IssueCertificate.class)
                .because("front ends ask the RA (RequestCertificate); only the RA hands requests to the CA")
                .check(LANYARD);
    }
}
