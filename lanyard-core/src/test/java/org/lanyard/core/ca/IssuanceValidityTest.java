package org.lanyard.core.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.testing.Chains;
import org.lanyard.core.testing.Csrs;
import org.lanyard.core.testing.Keys;
import org.lanyard.core.testing.TestSystem;

/** Validity against the issuer's, and refusals that happen before anything is reserved. */
class IssuanceValidityTest {

    private final TestSystem system = TestSystem.withCa(KeyAlgorithm.EC_P256);
    private final Issuer issuer = system.issuerStore.list().stream().filter(Issuer::defaultIssuer).findFirst()
            .orElseThrow();

    private IssuanceRequest request(String profile) {
        return new IssuanceRequest(profile, Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256), "CN=device"), Map.of(),
                TestSystem.ALICE);
    }

    @Test
    void validityBeyondTheIssuersIsClampedToIt() throws Exception {
        Instant issuerEnd = issuer.certificate().getNotAfter().toInstant();
        system.clock.set(issuerEnd.minus(Duration.ofDays(100)));

        X509Certificate leaf = system.issue.issue(request("tls-client")).certificate();

        assertThat(leaf.getNotAfter().toInstant()).isEqualTo(issuerEnd);
        Chains.validate(leaf, issuer.chain(), system.clock.instant());
    }

    @Test
    void expiredIssuerRefusesAndNothingIsReserved() {
        system.clock.set(issuer.certificate().getNotAfter().toInstant().plusSeconds(1));
        assertThatThrownBy(() -> system.issue.issue(request("tls-client"))).isInstanceOf(LanyardException.class)
                .extracting("code").isEqualTo("issuer-valid");
        assertThat(system.certificates.all()).isEmpty();
    }

    @Test
    void issuerNotYetValidRefuses() {
        system.clock.set(issuer.certificate().getNotBefore().toInstant().minusSeconds(3600));
        assertThatThrownBy(() -> system.issue.issue(request("tls-client"))).extracting("code")
                .isEqualTo("issuer-valid");
    }

    @Test
    void unknownProfileIsNotFound() {
        assertThatThrownBy(() -> system.issue.issue(request("no-such-profile")))
                .isInstanceOfSatisfying(LanyardException.class, e -> {
                    assertThat(e.code()).isEqualTo("profile-unknown");
                    assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                });
        assertThat(system.certificates.all()).isEmpty();
    }

    @Test
    void policyRefusalChangesNothing() {
        int auditBefore = system.auditLog.stored().size();
        assertThatThrownBy(() -> system.issue.issue(new IssuanceRequest("tls-server",
                Csrs.parsed(Keys.rsa(1024), "", Csrs.dns("a.example.com")), Map.of(), TestSystem.ALICE)))
                .extracting("code").isEqualTo("key-algorithm-allowed");
        assertThat(system.certificates.all()).isEmpty();
        assertThat(system.auditLog.stored()).hasSize(auditBefore);
        assertThat(system.vault.signatures()).isEqualTo(2); // root and issuing CA only
    }
}
