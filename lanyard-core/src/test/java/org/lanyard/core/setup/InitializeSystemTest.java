package org.lanyard.core.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ca.CreateCertificateAuthority;
import org.lanyard.core.ca.IssuanceRequest;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.ShippedProfiles;
import org.lanyard.core.operator.Authenticate;
import org.lanyard.core.operator.BuiltinRoles;
import org.lanyard.core.operator.CreateOperator;
import org.lanyard.core.operator.IssueApiToken;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.testing.Chains;
import org.lanyard.core.testing.Csrs;
import org.lanyard.core.testing.Keys;
import org.lanyard.core.testing.TestSystem;

class InitializeSystemTest {

    private final TestSystem system = new TestSystem();
    private final InitializeSystem init = new InitializeSystem(system.issuerStore, system.profiles, system.operators,
            system.createCa, new CreateOperator(system.operators, system.tx, system.audit, system.clock),
            new IssueApiToken(system.operators, system.tx, system.audit, system.clock), system.tx, system.audit);
    private final CreateCertificateAuthority.Spec spec = CreateCertificateAuthority.Spec.defaults("main", "Example",
            KeyAlgorithm.EC_P256);

    @Test
    void createsRolesProfilesCaAndASystemOwnerWhoseTokenWorks() throws Exception {
        assertThat(init.initialized()).isFalse();

        InitializeSystem.Result result = init.initialize(spec);

        assertThat(init.initialized()).isTrue();
        assertThat(system.operators.listRoles()).hasSize(BuiltinRoles.all().size());
        assertThat(system.profiles.list()).hasSize(ShippedProfiles.all().size());
        assertThat(system.issuerStore.list()).extracting(i -> i.id()).containsExactlyInAnyOrder("main", "main-root");
        assertThat(result.issuer().defaultIssuer()).isTrue();
        var owner = new Authenticate(system.operators, system.clock).byToken(result.ownerToken());
        assertThat(owner.operator().id()).isEqualTo(result.systemOwner().id());
        assertThat(owner.permissions()).isEqualTo(EnumSet.allOf(Permission.class));
        assertThat(system.auditLog.actions()).containsExactly("system.initialized", "issuer.created",
                "issuer.created", "operator.created", "operator.token-issued");
        assertThat(system.verifyAudit.verify().intact()).isTrue();
        var leaf = system.issue.issue(new IssuanceRequest("tls-server", Csrs.parsed(Keys.generate(
                KeyAlgorithm.EC_P256), "", Csrs.dns("first.example.com")), Map.of(), owner.actor()));
        Chains.validate(leaf.certificate(), leaf.chain(), system.clock.instant());
    }

    @Test
    void secondRunIsRefusedAndChangesNothing() {
        init.initialize(spec);
        int audit = system.auditLog.stored().size();
        int signatures = system.vault.signatures();

        assertThatThrownBy(() -> init.initialize(spec)).extracting("code").isEqualTo("already-initialized");
        assertThatThrownBy(() -> init.initialize(CreateCertificateAuthority.Spec.defaults("other", "Other",
                KeyAlgorithm.EC_P384))).extracting("code").isEqualTo("already-initialized");

        assertThat(system.auditLog.stored()).hasSize(audit);
        assertThat(system.vault.signatures()).isEqualTo(signatures);
        assertThat(system.issuerStore.list()).hasSize(2);
        assertThat(system.operators.listOperators()).hasSize(1);
    }

    @Test
    void runThatFailedBeforeTheOwnerExistedCanBeRepeated() {
        system.operators.failOnSaveOperator = new IllegalStateException("database gone");
        assertThatThrownBy(() -> init.initialize(spec)).hasMessage("database gone");
        assertThat(init.initialized()).as("no System Owner yet").isFalse();

        InitializeSystem.Result result = init.initialize(spec);

        assertThat(result.systemOwner()).isNotNull();
        assertThat(system.issuerStore.list()).as("the CA made by the first run is kept").hasSize(2);
        assertThat(system.operators.listOperators()).hasSize(1);
        assertThat(system.verifyAudit.verify().intact()).isTrue();
    }
}
