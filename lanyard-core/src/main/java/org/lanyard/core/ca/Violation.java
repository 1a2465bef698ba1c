package org.lanyard.core.ca;

/** A rule that refused, with its reason. */
public record Violation(String rule, String reason) {
}
