package org.lanyard.core.ca.lint;

import java.util.Optional;
import java.util.function.Function;

/** A named lint rule: returns what it found wrong, or empty. */
public record LintRule(String name, LintFinding.Severity severity, Function<LintSubject, Optional<String>> check) {
}
