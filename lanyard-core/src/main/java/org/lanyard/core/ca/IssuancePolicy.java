package org.lanyard.core.ca;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lanyard.core.ErrorCode;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;

/**
 * Runs every {@link IssuanceRules issuance rule} against a request and refuses with all
 * violations, the first one naming the error ({@code code} = rule name, kind from the {@link ErrorCode}
 * catalogue: a refused key is {@code BAD_KEY}, a refused name {@code IDENTIFIER_REJECTED}).
 */
public class IssuancePolicy {

    private final List<IssuanceRule> rules;

    public IssuancePolicy(List<IssuanceRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static IssuancePolicy standard() {
        return new IssuancePolicy(IssuanceRules.all());
    }

    public List<Violation> violations(IssuanceContext context) {
        List<Violation> violations = new ArrayList<>();
        for (IssuanceRule rule : rules) {
            rule.check().apply(context).ifPresent(reason -> violations.add(new Violation(rule.name(), reason)));
        }
        return violations;
    }

    public void check(IssuanceContext context) {
        List<Violation> violations = violations(context);
        if (!violations.isEmpty()) {
            Violation first = violations.get(0);
            throw new LanyardException(ErrorCode.kindOf(first.rule(), ErrorKind.POLICY_REFUSED), first.rule(),
                    "refused by rule " + first.rule() + ": " + first.reason(),
                    Map.of("rule", first.rule(), "violations", violations.stream()
                            .map(v -> Map.of("rule", v.rule(), "reason", v.reason())).toList()));
        }
    }
}
