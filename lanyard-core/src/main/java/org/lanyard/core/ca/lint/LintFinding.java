package org.lanyard.core.ca.lint;

/** One result of the pre-issuance lint: a named rule, how serious, and what it found. */
public record LintFinding(String rule, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    public boolean error() {
        return severity == Severity.ERROR;
    }
}
