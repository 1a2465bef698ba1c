package org.lanyard.core.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lanyard.core.ErrorKind;
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
    void keyAliasesAreNewForEveryCa() {
        TestSystem system = new TestSystem();
        Issuer issuing = system.createCa(KeyAlgorithm.EC_P256);
        Issuer root = system.issuerStore.find(issuing.id() + "-root").orElseThrow();
        assertThat(issuing.keyAlias()).startsWith(issuing.id() + "-").isNotEqualTo(issuing.id());
        assertThat(root.keyAlias()).startsWith(root.id() + "-").isNotEqualTo(root.id());
        assertThat(system.vault.aliases()).containsExactlyInAnyOrder(issuing.keyAlias(), root.keyAlias());
    }

    @Test
    void failedAttemptDoesNotBlockARetryWithTheSameId() {
        TestSystem system = new TestSystem();
        system.vault.failSigning = new IllegalStateException("token removed");
        assertThatThrownBy(() -> system.createCa(KeyAlgorithm.EC_P256)).hasMessageContaining("token removed");
        assertThat(system.issuerStore.list()).isEmpty();

        system.vault.failSigning = null;
        Issuer issuing = system.createCa(KeyAlgorithm.EC_P256);
        assertThat(system.vault.open(issuing.keyAlias()).publicKey()).isEqualTo(issuing.certificate().getPublicKey());
        assertThat(system.issuerStore.list()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "line\nbreak", "tab\there", "a\u0000b"})
    @NullSource
    void badNamesAreRefusedBeforeAnyKeyIsMade(String name) {
        TestSystem system = new TestSystem();
        assertThatThrownBy(() -> system.createCa.create(CreateCertificateAuthority.Spec.defaults("corp", name,
                KeyAlgorithm.EC_P256), TestSystem.ALICE)).isInstanceOfSatisfying(LanyardException.class, e -> {
                    assertThat(e.code()).isEqualTo("issuer-name");
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
                });
        assertThat(system.vault.aliases()).isEmpty();
        assertThat(system.issuerStore.list()).isEmpty();
    }

    @Test
    void nameTooLongForTheCommonNameIsRefusedAndTheIdStaysFree() {
        TestSystem system = new TestSystem();
        assertThatThrownBy(() -> system.createCa.create(CreateCertificateAuthority.Spec.defaults("corp", "n".repeat(70),
                KeyAlgorithm.EC_P256), TestSystem.ALICE)).extracting("code").isEqualTo("issuer-name");
        assertThat(system.vault.aliases()).isEmpty();
        Issuer issuing = system.createCa.create(CreateCertificateAuthority.Spec.defaults("corp", "n".repeat(53),
                KeyAlgorithm.EC_P256), TestSystem.ALICE);
        assertThat(issuing.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=" + "n".repeat(53)
                + " Issuing CA");
    }

    @Test
    void nameIsTextEvenWhenItLooksLikeHexDer() {
        TestSystem system = new TestSystem();
        Issuer issuing = system.createCa.create(CreateCertificateAuthority.Spec.defaults("corp", "#zz",
                KeyAlgorithm.EC_P256), TestSystem.ALICE);
        X509Certificate root = issuing.chain().get(1);
        var subject = org.bouncycastle.asn1.x500.X500Name.getInstance(root.getSubjectX500Principal().getEncoded());
        assertThat(((org.bouncycastle.asn1.ASN1String) subject.getRDNs()[0].getFirst().getValue()).getString())
                .isEqualTo("#zz Root CA");
    }

    @Test
    void badIdIsRefused() {
        TestSystem system = new TestSystem();
        assertThatThrownBy(() -> system.createCa.create(CreateCertificateAuthority.Spec.defaults("Bad Id", "x",
                KeyAlgorithm.EC_P256), TestSystem.ALICE)).extracting("code").isEqualTo("issuer-id");
        assertThat(system.issuerStore.list()).isEmpty();
    }
}
