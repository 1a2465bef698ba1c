package org.lanyard.core;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import com.tngtech.archunit.library.freeze.ViolationLineMatcher;
import org.junit.jupiter.api.Test;

/**
 * The packages of the core form no dependency cycle. The one cycle the rule found when it came,
 * {@code core.ca} ↔ {@code core.ca.lint} (the use cases run the lint, the lint reads the CA's name
 * and key types), is frozen in {@code src/test/resources/archunit_store}: a cycle between any
 * other packages fails here. The frozen cycle is matched by the packages it joins, not by its
 * individual dependencies, so changing a constructor in {@code ca} does not fail the build. Break
 * it by moving the types the lint reads out of {@code ca}; the store then empties itself.
 */
class CoreArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lanyard.core");

    /** Every package its own slice: {@code core}, {@code core.ca}, {@code core.ca.lint}, … */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.lanyard.(**)").should().beFreeOfCycles();

    /** A frozen cycle is known by the slices it joins ("Cycle detected: Slice a -> Slice b -> Slice a"). */
    static final ViolationLineMatcher SAME_SLICES = (actual, stored) -> slicesOf(actual).equals(slicesOf(stored));

    @Test
    void corePackagesHaveNoNewCycles() {
        FreezingArchRule.freeze(NO_PACKAGE_CYCLES).associateViolationLinesVia(SAME_SLICES).check(CORE);
    }

    /** The head of a cycle violation, before its dependency listing, without layout. */
    static String slicesOf(String violation) {
        int details = violation.indexOf("1. Dependencies of");
        return (details < 0 ? violation : violation.substring(0, details)).replaceAll("\\s+", " ").strip();
    }
}
