package org.lanyard.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ca.IssueCertificate;
import org.lanyard.core.revocation.RenewOcspSigner;

/**
 * The CLI asks the registration authority like every other front end: with the CLI on the class
 * path, {@link IssueCertificate} is still used only by {@code core.ra}, the CA's internal job and
 * the composition root ({@code org.lanyard.app}). The same rule as
 * lanyard-server's IssuancePathTest, here because only this module sees the CLI's classes.
 */
class IssuancePathTest {

    private static final JavaClasses LANYARD = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lanyard");

    @Test
    void theCliAsksTheRa() {
        noClasses().that().resideOutsideOfPackages("org.lanyard.core.ra..", "org.lanyard.app..")
                .and().doNotBelongToAnyOf(IssueCertificate.class, RenewOcspSigner.class)
                .should().dependOnClassesThat().belongToAnyOf(IssueCertificate.class)
                .because("front ends ask the RA (RequestCertificate); only the RA hands requests to the CA")
                .check(LANYARD);
    }
}
