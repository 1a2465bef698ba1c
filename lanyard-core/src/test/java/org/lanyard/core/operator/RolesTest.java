package org.lanyard.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lanyard.core.operator.Permission.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lanyard.core.testing.TestSystem;

class RolesTest {

    private static final Map<String, Role> BUILTIN = BuiltinRoles.all().stream()
            .collect(Collectors.toMap(Role::id, Function.identity()));

    static Stream<Arguments> builtinRoles() {
        return Stream.of(
                // seed 001: System Administrator performs all operations
                Arguments.of("system-owner", "System Owner", EnumSet.allOf(Permission.class)),
                Arguments.of("system-administrator", "System Administrator", EnumSet.allOf(Permission.class)),
                // configuration changes
                Arguments.of("elevated", "Elevated", EnumSet.of(PROFILE_READ, PROFILE_MANAGE, ISSUER_READ,
                        ISSUER_MANAGE, SYSTEM_CONFIGURE, ACME_MANAGE, CERTIFICATE_READ, AUDIT_READ, OPERATOR_READ,
                        METRICS_READ, REQUEST_READ)),
                // credential and certificate management workflows, approving others' requests included
                Arguments.of("normal", "Normal", EnumSet.of(CERTIFICATE_READ, CERTIFICATE_ISSUE, CERTIFICATE_REVOKE,
                        PROFILE_READ, ISSUER_READ, CREDENTIAL_MANAGE, CREDENTIAL_UNBLOCK, REQUEST_READ, REQUEST_APPROVE)),
                // credential unblock workflows
                Arguments.of("restricted", "Restricted", EnumSet.of(CREDENTIAL_UNBLOCK, CERTIFICATE_READ)),
                // key recovery workflows
                Arguments.of("key-recovery", "Key recovery", EnumSet.of(KEY_RECOVERY, CERTIFICATE_READ)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("builtinRoles")
    void builtinRoleHasExactlyItsPermissions(String id, String name, Set<Permission> permissions) {
        Role role = BUILTIN.get(id);
        assertThat(role.name()).isEqualTo(name);
        assertThat(role.permissions()).isEqualTo(permissions);
        assertThat(role.builtin()).isTrue();
    }

    @Test
    void onlyTheSixBuiltinRolesAndOnlyAdministratorsManageOperatorsAndRoles() {
        assertThat(BUILTIN).hasSize(6);
        assertThat(BUILTIN.values().stream().filter(r -> r.permissions().contains(ROLE_MANAGE)).map(Role::id))
                .containsExactlyInAnyOrder("system-owner", "system-administrator");
        assertThat(BUILTIN.values().stream().filter(r -> r.permissions().contains(KEY_RECOVERY)).map(Role::id))
                .containsExactlyInAnyOrder("system-owner", "system-administrator", "key-recovery");
    }

    @Test
    void everyRoleThatApprovesRequestsMayAlsoIssueThem() {
        // ADR 0010: nobody approves what they could not issue themselves
        assertThat(BUILTIN.values().stream().filter(r -> r.permissions().contains(REQUEST_APPROVE)).map(Role::id))
                .containsExactlyInAnyOrder("system-owner", "system-administrator", "normal");
        BUILTIN.values().stream().filter(r -> r.permissions().contains(REQUEST_APPROVE))
                .forEach(r -> assertThat(r.permissions()).as(r.id()).contains(CERTIFICATE_ISSUE, REQUEST_READ));
    }

    @Test
    void customRoleIsCreatedThenUpdatedAndAudited() {
        TestSystem system = new TestSystem();
        SaveRole saveRole = new SaveRole(system.operators, system.tx, system.audit);

        Role created = saveRole.save(new Role("auditor", "Auditor", "reads the log", EnumSet.of(AUDIT_READ), true),
                TestSystem.ALICE);
        assertThat(created.builtin()).as("a caller cannot make a role built-in").isFalse();
        saveRole.save(new Role("auditor", "Auditor", "reads", EnumSet.of(AUDIT_READ, CERTIFICATE_READ), false),
                TestSystem.ALICE);

        assertThat(system.operators.findRole("auditor").orElseThrow().permissions())
                .containsExactlyInAnyOrder(AUDIT_READ, CERTIFICATE_READ);
        assertThat(system.auditLog.actions()).containsExactly("role.created", "role.updated");
        assertThat(system.auditLog.stored().get(1).details()).isEqualTo(
                "{\"permissions\":\"AUDIT_READ,CERTIFICATE_READ\"}");
    }

    @Test
    void builtinRoleCanBeEditedAndStaysBuiltin() {
        TestSystem system = new TestSystem();
        BuiltinRoles.all().forEach(system.operators::saveRole);
        Role saved = new SaveRole(system.operators, system.tx, system.audit).save(new Role("restricted", "Restricted",
                "help desk", EnumSet.of(CREDENTIAL_UNBLOCK), false), TestSystem.ALICE);
        assertThat(saved.builtin()).isTrue();
        assertThat(system.operators.findRole("restricted").orElseThrow().permissions()).containsExactly(
                CREDENTIAL_UNBLOCK);
    }

    @Test
    void systemOwnerAndBadIdsAreRefused() {
        TestSystem system = new TestSystem();
        SaveRole saveRole = new SaveRole(system.operators, system.tx, system.audit);
        assertThatThrownBy(() -> saveRole.save(new Role("system-owner", "Owner", "", EnumSet.noneOf(Permission.class),
                true), TestSystem.ALICE)).extracting("code").isEqualTo("role-protected");
        assertThatThrownBy(() -> saveRole.save(new Role("Bad Id", "x", "", EnumSet.noneOf(Permission.class), false),
                TestSystem.ALICE)).extracting("code").isEqualTo("role-id");
        assertThatThrownBy(() -> saveRole.save(new Role("ok", " ", "", EnumSet.noneOf(Permission.class), false),
                TestSystem.ALICE)).extracting("code").isEqualTo("role-name");
        assertThat(system.operators.listRoles()).isEmpty();
        assertThat(system.auditLog.stored()).isEmpty();
    }
}
