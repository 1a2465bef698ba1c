package org.lanyard.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lanyard.core.LanyardException;

class ScopeTest {

    private static final Scope ACME = new Scope("acme", null);
    private static final Scope ACME_HR = new Scope("acme", "hr");

    @Test
    void systemCoversEverythingAnOrganizationItsDepartments() {
        assertThat(Scope.system().covers(ACME_HR)).isTrue();
        assertThat(ACME.covers(ACME_HR)).isTrue();
        assertThat(ACME_HR.covers(ACME)).isFalse();
        assertThat(ACME.covers(Scope.system())).isFalse();
        assertThat(ACME.covers(new Scope("other", null))).isFalse();
    }

    @Test
    void systemWideRolesHoldInEveryScope() {
        var operator = new AuthenticatedOperator(new Operator("op-1", "one", null, java.util.Set.of(), true,
                java.time.Instant.EPOCH), java.util.Set.of(Permission.CERTIFICATE_ISSUE), "token");
        assertThat(operator.may(Permission.CERTIFICATE_ISSUE, ACME_HR)).isTrue();
        assertThat(operator.may(Permission.CERTIFICATE_ISSUE)).isTrue();
        assertThat(operator.may(Permission.REQUEST_APPROVE, Scope.system())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", "org:acme", "org:acme/dept:hr"})
    void textRoundTrips(String text) {
        assertThat(Scope.parse(text).text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"org:", "dept:hr", "org:acme/dept:", "everything"})
    void malformedTextIsRefused(String text) {
        assertThatThrownBy(() -> Scope.parse(text)).isInstanceOf(LanyardException.class)
                .extracting("code").isEqualTo("scope-malformed");
    }
}
