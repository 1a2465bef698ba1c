package org.lanyard.core.ca;

import java.util.Optional;
import java.util.function.Function;

/**
 * One named rule of the issuance policy. {@code check} returns the reason for refusal, or empty
 * when the request passes. The name is what an operator sees: "refused by key-algorithm-allowed".
 */
public record IssuanceRule(String name, Function<IssuanceContext, Optional<String>> check) {
}
