package org.lanyard.core.ca.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ErrorCode;
import org.lanyard.core.ErrorGroup;
import org.lanyard.core.ErrorKind;

/** Every ERROR rule of the standard lint can refuse as {@code lint-<rule>}: each is catalogued, and nothing else is. */
class LintErrorCodesTest {

    @Test
    void everyErrorRuleIsACataloguedCode() {
        List<LintRule> rules = new ArrayList<>(Rfc5280Rules.all());
        rules.addAll(BaselineRules.all());
        Set<String> raised = rules.stream().filter(r -> r.severity() == LintFinding.Severity.ERROR)
                .map(r -> "lint-" + r.name()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> catalogued = Arrays.stream(ErrorCode.values()).filter(c -> c.group() == ErrorGroup.LINT)
                .map(ErrorCode::code).collect(Collectors.toCollection(TreeSet::new));
        assertThat(raised).isEqualTo(catalogued);
        // CertificateLint.require raises them all as policy refusals
        assertThat(Arrays.stream(ErrorCode.values()).filter(c -> c.group() == ErrorGroup.LINT)
                .map(ErrorCode::kind)).containsOnly(ErrorKind.POLICY_REFUSED);
    }
}
