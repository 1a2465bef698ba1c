package org.lanyard.core.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.lanyard.core.LanyardException;
import org.lanyard.core.testing.TestSystem;

class CreateCertificateAuthorityTest {

    @Test
    void makesASelfSignedRootAndAnIssuingCaSignedByIt() throws Exception {
        TestSystem system = new TestSystem();
        Issuer issuing = system.createCa(KeyAlgorithm.EC_P256);

        X509Certificate sub = issuing.certificate();
        X509Certificate root = issuing.chain().get(1);
        root.verify(root.getPublicKey());
        sub.verify(root.getPublicKey());
        assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(sub.getBasicConstraints()).isZero();
        assertThat(sub.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(sub.getNotAfter()).isBeforeOrEqualTo(root.getNotAfter());
        assertThat(sub.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
        assertThat(issuing.defaultIssuer()).isTrue();
        assertThat(system.issuerStore.find(issuing.id() + "-root").orElseThrow().defaultIssuer()).isFalse();
        assertThat(system.auditLog.actions()).containsExactly("issuer.created", "issuer.created");
        assertThat(system.vault.open(issuing.keyAlias()).publicKey()).isEqualTo(sub.getPublicKey());
    }

    @Test
    void secondCaIsNotTheDefaultAndSameIdIsRefused() {
        TestSystem system = new TestSystem();
        Issuer first = system.createCa(KeyAlgorithm.EC_P256);
        Issuer second = system.createCa(KeyAlgorithm.EC_P384);
        assertThat(first.defaultIssuer()).isTrue();
        assertThat(second.defaultIssuer()).isFalse();
        assertThatThrownBy(() -> system.createCa(KeyAlgorithm.EC_P256)).isInstanceOf(LanyardException.class)
                .extracting("code").isEqualTo("issuer-exists");
    }

    @Test
    void badIdIsRefused() {
        TestSystem system = new TestSystem();
        assertThatThrownBy(() -> system.createCa.create(CreateCertificateAuthority.Spec.defaults("Bad Id", "x",
                KeyAlgorithm.EC_P256), TestSystem.ALICE)).extracting("code").isEqualTo("issuer-id");
        assertThat(system.issuerStore.list()).isEmpty();
    }
}
