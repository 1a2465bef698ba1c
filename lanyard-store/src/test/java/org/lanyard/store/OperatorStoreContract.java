package org.lanyard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lanyard.store.Fixtures.NOW;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lanyard.core.LanyardException;
import org.lanyard.core.operator.ApiToken;
import org.lanyard.core.operator.Operator;
import org.lanyard.core.operator.OperatorStore;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.operator.Role;

abstract class OperatorStoreContract extends StoreContract {

    OperatorStoreContract(TestDatabase.Target target) {
        super(target);
    }

    private OperatorStore store() {
        return database.operators();
    }

    private static Operator alice() {
        return new Operator("op-1", "alice", "alice@example.com", Set.of("admin", "auditor"), true, NOW);
    }

    @Test
    void operatorRoundTripsWithRoles() {
        store().saveOperator(alice());

        assertThat(store().findOperator("op-1")).contains(alice());
        assertThat(store().findOperatorByName("alice")).contains(alice());
        assertThat(store().findOperatorByName("bob")).isEmpty();
    }

    @Test
    void saveOperatorReplacesFieldsAndRoles() {
        store().saveOperator(alice());
        Operator changed = new Operator("op-1", "alice2", null, Set.of("auditor"), false, NOW);

        store().saveOperator(changed);
        store().saveOperator(new Operator("op-0", "zed", null, Set.of(), true, NOW));

        assertThat(store().findOperator("op-1")).contains(changed);
        assertThat(store().listOperators()).extracting(Operator::name).containsExactly("alice2", "zed");
    }

    @Test
    void operatorNamesAreUnique() {
        store().saveOperator(alice());

        assertThatThrownBy(() -> store().saveOperator(new Operator("op-2", "alice", null, Set.of(), true, NOW)))
                .isInstanceOfSatisfying(LanyardException.class, e -> assertThat(e.code()).isEqualTo("store-failed"));
    }

    @Test
    void roleRoundTripsAndUpdates() {
        Role role = new Role("admin", "Administrator", "everything", Set.of(Permission.values()), true);
        store().saveRole(role);
        store().saveRole(new Role("auditor", "Auditor", "", Set.of(Permission.AUDIT_READ), false));
        Role fewer = new Role("admin", "Admin", "less", Set.of(Permission.CERTIFICATE_READ), true);

        assertThat(store().findRole("admin")).contains(role);
        store().saveRole(fewer);

        assertThat(store().findRole("admin")).contains(fewer);
        assertThat(store().listRoles()).extracting(Role::id).containsExactly("admin", "auditor");
    }

    @Test
    void deleteRoleRemovesItsAssignments() {
        store().saveRole(new Role("auditor", "Auditor", "", Set.of(Permission.AUDIT_READ), false));
        store().saveOperator(alice());

        store().deleteRole("auditor");

        assertThat(store().findRole("auditor")).isEmpty();
        assertThat(store().findOperator("op-1").orElseThrow().roleIds()).containsExactly("admin");
    }

    @Test
    void tokensRoundTripAndRevoke() {
        store().saveOperator(alice());
        ApiToken token = new ApiToken("t-1", "op-1", "ci", "ab".repeat(32), NOW, NOW.plus(Duration.ofDays(30)), false);
        ApiToken forever = new ApiToken("t-2", "op-1", "cli", "cd".repeat(32), NOW.plusSeconds(1), null, false);
        store().saveToken(token);
        store().saveToken(forever);

        assertThat(store().findTokenByHash("ab".repeat(32))).contains(token);
        assertThat(store().listTokens("op-1")).containsExactly(token, forever);
        assertThat(store().listTokens("op-2")).isEmpty();

        ApiToken revoked = new ApiToken("t-1", "op-1", "ci", "ab".repeat(32), NOW, token.expiresAt(), true);
        store().saveToken(revoked);
        assertThat(store().findTokenByHash("ab".repeat(32))).contains(revoked);
        assertThat(store().findTokenByHash("ef".repeat(32))).isEmpty();
    }

    @Test
    void certificateBindingFindsTheOperator() {
        store().saveOperator(alice());

        store().bindCertificate("op-1", "f1".repeat(32), "CN=alice");

        assertThat(store().findOperatorByCertificate("f1".repeat(32))).contains(alice());
        assertThat(store().findOperatorByCertificate("f2".repeat(32))).isEmpty();
        assertThatThrownBy(() -> store().bindCertificate("op-1", "f1".repeat(32), "CN=alice"))
                .isInstanceOf(LanyardException.class);
    }
}
