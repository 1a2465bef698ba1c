package org.lanyard.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.IssuanceRequest;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.testing.Csrs;
import org.lanyard.core.testing.Keys;
import org.lanyard.core.testing.TestSystem;

class AuthenticateTest {

    private final TestSystem system = new TestSystem();
    private final Authenticate authenticate = new Authenticate(system.operators, system.clock);
    private final CreateOperator createOperator = new CreateOperator(system.operators, system.tx, system.audit,
            system.clock);
    private final IssueApiToken issueToken = new IssueApiToken(system.operators, system.tx, system.audit,
            system.clock);
    private Operator bob;

    @BeforeEach
    void bobIsNormal() {
        BuiltinRoles.all().forEach(system.operators::saveRole);
        bob = createOperator.create("bob", "bob@example.com", Set.of(BuiltinRoles.NORMAL), TestSystem.ALICE);
    }

    @Test
    void tokenIsStoredAsItsHashAndAuthenticates() {
        IssueApiToken.Issued issued = issueToken.issue(bob.id(), "ci", null, TestSystem.ALICE);

        assertThat(issued.secret()).startsWith("lyd_");
        assertThat(issued.token().secretHash()).isEqualTo(Secrets.sha256Hex(issued.secret()))
                .doesNotContain(issued.secret());
        assertThat(system.auditLog.stored().toString()).doesNotContain(issued.secret());
        AuthenticatedOperator who = authenticate.byToken(issued.secret());
        assertThat(who.operator().id()).isEqualTo(bob.id());
        assertThat(who.method()).isEqualTo("token");
        assertThat(who.permissions()).isEqualTo(BuiltinRoles.all().stream()
                .filter(r -> r.id().equals(BuiltinRoles.NORMAL)).findFirst().orElseThrow().permissions());
        assertThat(who.may(Permission.CERTIFICATE_ISSUE)).isTrue();
        assertThatThrownBy(() -> who.require(Permission.ROLE_MANAGE)).isInstanceOfSatisfying(LanyardException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN);
                    assertThat(e.code()).isEqualTo("permission-denied");
                });
    }

    @Test
    void unknownMalformedExpiredAndRevokedTokensAreRefused() {
        IssueApiToken.Issued shortLived = issueToken.issue(bob.id(), "short", Duration.ofMinutes(5), TestSystem.ALICE);
        assertThat(authenticate.byToken(shortLived.secret()).operator().id()).isEqualTo(bob.id());
        IssueApiToken.Issued revoked = issueToken.issue(bob.id(), "revoked", null, TestSystem.ALICE);
        ApiToken t = revoked.token();
        system.operators.saveToken(new ApiToken(t.id(), t.operatorId(), t.name(), t.secretHash(), t.createdAt(),
                t.expiresAt(), true));
        system.clock.advance(Duration.ofMinutes(5));

        for (String secret : new String[] {null, "", "  ", "lyd_unknown", "x".repeat(513), shortLived.secret(),
                revoked.secret()}) {
            assertThatThrownBy(() -> authenticate.byToken(secret)).as(String.valueOf(secret))
                    .isInstanceOfSatisfying(LanyardException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHENTICATED);
                        assertThat(e.code()).isEqualTo("token-invalid");
                    });
        }
    }

    @Test
    void certificateBoundByFingerprintAuthenticates() {
        X509Certificate cert = clientCertificate();
        String fingerprint = new BindOperatorCertificate(system.operators, system.tx, system.audit)
                .bind(bob.id(), cert, TestSystem.ALICE);

        assertThat(fingerprint).hasSize(64);
        AuthenticatedOperator who = authenticate.byCertificate(cert);
        assertThat(who.operator().id()).isEqualTo(bob.id());
        assertThat(who.method()).isEqualTo("certificate");
        assertThatThrownBy(() -> new BindOperatorCertificate(system.operators, system.tx, system.audit)
                .bind(bob.id(), cert, TestSystem.ALICE)).extracting("code").isEqualTo("certificate-bound");
        assertThatThrownBy(() -> authenticate.byCertificate(clientCertificate()))
                .isInstanceOfSatisfying(LanyardException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHENTICATED);
                    assertThat(e.code()).isEqualTo("certificate-unknown");
                });
    }

    @Test
    void disabledOperatorIsRefusedByTokenAndCertificate() {
        String secret = issueToken.issue(bob.id(), "ci", null, TestSystem.ALICE).secret();
        X509Certificate cert = clientCertificate();
        new BindOperatorCertificate(system.operators, system.tx, system.audit).bind(bob.id(), cert, TestSystem.ALICE);
        system.operators.saveOperator(new Operator(bob.id(), bob.name(), bob.email(), bob.roleIds(), false,
                bob.createdAt()));

        assertThatThrownBy(() -> authenticate.byToken(secret)).extracting("code").isEqualTo("operator-disabled");
        assertThatThrownBy(() -> authenticate.byCertificate(cert)).extracting("code").isEqualTo("operator-disabled");
    }

    @Test
    void operatorsHaveUniqueNamesAndKnownRoles() {
        assertThatThrownBy(() -> createOperator.create("bob", null, Set.of(BuiltinRoles.NORMAL), TestSystem.ALICE))
                .extracting("code").isEqualTo("operator-exists");
        assertThatThrownBy(() -> createOperator.create("carol", null, Set.of("no-such-role"), TestSystem.ALICE))
                .extracting("code").isEqualTo("role-unknown");
        assertThatThrownBy(() -> createOperator.create("carol", null, Set.of(), TestSystem.ALICE))
                .extracting("code").isEqualTo("operator-roles");
        assertThat(system.operators.listOperators()).hasSize(1);
    }

    @Test
    void rolesAddUp() {
        Operator both = createOperator.create("dora", null, Set.of(BuiltinRoles.RESTRICTED,
                BuiltinRoles.KEY_RECOVERY_ROLE), TestSystem.ALICE);
        String secret = issueToken.issue(both.id(), "t", null, TestSystem.ALICE).secret();
        assertThat(authenticate.byToken(secret).permissions()).containsExactlyInAnyOrder(Permission.CREDENTIAL_UNBLOCK,
                Permission.CERTIFICATE_READ, Permission.KEY_RECOVERY);
    }

    private X509Certificate clientCertificate() {
        TestSystem ca = TestSystem.withCa(KeyAlgorithm.EC_P256);
        return ca.issue.issue(new IssuanceRequest("tls-client", Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256),
                "CN=bob"), Map.of(), TestSystem.ALICE)).certificate();
    }
}
