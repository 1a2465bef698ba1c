package org.lanyard.core.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lanyard.core.testing.Csrs;
import org.lanyard.core.testing.Keys;
import org.lanyard.core.testing.TestSystem;

class IssuanceContextTest {

    private static TestSystem system;
    private static Issuer issuer;
    /** Names below corp.example only, the CN taken from the SAN; a SAN is not required. */
    private static final CertificateProfile CORP = new CertificateProfile("corp", "Corp", null,
            EnumSet.of(KeyAlgorithm.EC_P256), Duration.ofDays(90), EnumSet.of(KeyUsageBit.digitalSignature),
            List.of(ExtendedKeyUsage.clientAuth), "CN=${san},E=${email}", EnumSet.of(SanType.DNS, SanType.EMAIL),
            List.of("*.corp.example"), false, 5, List.of(), null, null, false, null);

    @BeforeAll
    static void ca() {
        system = TestSystem.withCa(KeyAlgorithm.EC_P256);
        system.profiles.save(CORP);
        issuer = system.issuerStore.list().stream().filter(Issuer::defaultIssuer).findFirst().orElseThrow();
    }

    @Test
    void sanDerivedValuesBeatRequestVariables() {
        var csr = Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256), "", Csrs.dns("host.corp.example"),
                Csrs.san("EMAIL:alice@corp.example"));
        Map<String, String> variables = Map.of("san", "evil.example", "dns", "evil.example", "email",
                "mallory@evil.example", "cn", "Device 7");
        var values = new IssuanceContext(CORP, issuer, csr, variables, system.clock.instant()).templateValues();
        assertThat(values).containsEntry("san", "host.corp.example").containsEntry("dns", "host.corp.example")
                .containsEntry("email", "alice@corp.example").containsEntry("cn", "Device 7");
    }

    @Test
    void requestCannotSupplyASanDerivedValueTheCsrLacks() {
        var csr = Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256), "");
        var context = new IssuanceContext(CORP, issuer, csr, Map.of("san", "evil.example", "email", "m@evil.example",
                "upn", "m@evil.example", "uri", "https://evil.example", "ip", "192.0.2.1"), system.clock.instant());
        assertThat(context.templateValues()).doesNotContainKeys("san", "email", "upn", "uri", "ip", "dns", "cn");
        assertThat(IssuancePolicy.standard().violations(context)).extracting(Violation::rule)
                .contains("subject-variables");
    }

    @Test
    void issuedCommonNameIsTheAllowedSanNotTheRequestVariable() {
        var leaf = system.issue.issue(new IssuanceRequest("corp", Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256), "",
                Csrs.dns("host.corp.example"), Csrs.san("EMAIL:alice@corp.example")),
                Map.of("san", "www.evil.example", "email", "mallory@evil.example"), TestSystem.ALICE)).certificate();
        var subject = org.bouncycastle.asn1.x500.X500Name.getInstance(leaf.getSubjectX500Principal().getEncoded());
        assertThat(text(subject, BCStyle.CN)).isEqualTo("host.corp.example");
        assertThat(text(subject, BCStyle.EmailAddress)).isEqualTo("alice@corp.example");
    }

    private static String text(org.bouncycastle.asn1.x500.X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        return ((org.bouncycastle.asn1.ASN1String) name.getRDNs(type)[0].getFirst().getValue()).getString();
    }
}
