package org.lanyard.cards.piv.apdu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The command builders and response parsers do no I/O and keep no randomness or clock of their
 * own, so a card session can run them step by step on any node (ADR 0011); and the library an
 * agent ships carries no card emulator.
 */
class SansIoRuleTest {

    private static final JavaClasses CARDS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lanyard.cards");

    @Test
    void apduLayerNeverTouchesAChannelAReaderOrTheNetwork() {
        noClasses().that().resideInAPackage("org.lanyard.cards.piv.apdu..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.smartcardio..", "java.net..", "java.nio.file..",
                        "java.nio.channels..", "org.lanyard.cards.pcsc..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.lanyard.cards.CardChannel")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Piv")
                .orShould().dependOnClassesThat().haveSimpleName("PivCard")
                .check(CARDS);
    }

    @Test
    void onlyTheBlockingClientsUseTheApduLayer() {
        classes().that().resideInAPackage("org.lanyard.cards.piv")
                .and().doNotHaveSimpleName("PivCard").and().doNotHaveSimpleName("YubicoPiv").and().doNotHaveSimpleName("PivTransport")
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("org.lanyard.cards.piv.apdu..")
                .check(CARDS);
    }

    @Test
    void theLibraryHasNoEmulatorInIt() {
        noClasses().should().resideInAnyPackage("org.lanyard.cards.sim..", "org.lanyard.cardsim..").check(CARDS);
        assertThatThrownBy(() -> Class.forName("org.lanyard.cardsim.VirtualPivCard"))
                .as("lanyard-cards must not depend on lanyard-cardsim, not even for tests")
                .isInstanceOf(ClassNotFoundException.class);
    }
}
