package org.lanyard.core.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.testing.Csrs;
import org.lanyard.core.testing.Keys;
import org.lanyard.core.testing.TestSystem;

/** One case per line: the profile, the key and names of the request, and the rule that refuses ("" = passes). */
class IssuanceRulesTest {

    private static final Map<String, CertificateProfile> PROFILES = new HashMap<>();
    private static Issuer issuer;

    @BeforeAll
    static void setUp() {
        issuer = TestSystem.withCa(KeyAlgorithm.EC_P256).issuerStore.list().stream().filter(Issuer::defaultIssuer)
                .findFirst().orElseThrow();
        ShippedProfiles.all().forEach(p -> PROFILES.put(p.id(), p));
        PROFILES.put("corp-only", new CertificateProfile("corp-only", "Corp", null, EnumSet.of(KeyAlgorithm.EC_P256),
                Duration.ofDays(90), EnumSet.of(KeyUsageBit.digitalSignature), List.of(ExtendedKeyUsage.serverAuth),
                "CN=${san}", EnumSet.of(SanType.DNS), List.of("*.corp.example", "www.example.com"), true, 2, List.of(),
                null, null, false, null));
        PROFILES.put("encipher-only", usageOnly("encipher-only", KeyUsageBit.keyEncipherment));
        PROFILES.put("agree-only", usageOnly("agree-only", KeyUsageBit.keyAgreement));
        PROFILES.put("no-usage", usageOnly("no-usage"));
        PROFILES.put("department", new CertificateProfile("department", "Dept", null, EnumSet.of(KeyAlgorithm.EC_P256),
                Duration.ofDays(90), EnumSet.of(KeyUsageBit.digitalSignature), List.of(ExtendedKeyUsage.clientAuth),
                "CN=${cn},OU=${department},O=Example", EnumSet.noneOf(SanType.class), List.of(), false, 0, List.of(),
                null, null, false, null));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // keys
                Arguments.of("tls-server", "rsa1024", "", "DNS:a.example.com", "", "key-algorithm-allowed"),
                Arguments.of("tls-server", "secp192r1", "", "DNS:a.example.com", "", "key-algorithm-allowed"),
                Arguments.of("tls-server", "secp521r1", "", "DNS:a.example.com", "", "key-algorithm-allowed"),
                Arguments.of("tls-server", "secp256k1", "", "DNS:a.example.com", "", "key-algorithm-allowed"),
                Arguments.of("smartcard-logon", "rsa4096", "", "UPN:a@corp.example", "", "key-algorithm-allowed"),
                Arguments.of("smartcard-logon", "p384", "", "UPN:a@corp.example", "", ""),
                Arguments.of("tls-server", "rsa2048", "", "DNS:a.example.com", "", ""),
                // key usages: at least one the profile declares must fit the key type
                Arguments.of("encipher-only", "p256", "CN=a", "", "", "key-usage-compatible"),
                Arguments.of("encipher-only", "rsa2048", "CN=a", "", "", ""),
                Arguments.of("agree-only", "rsa2048", "CN=a", "", "", "key-usage-compatible"),
                Arguments.of("agree-only", "p384", "CN=a", "", "", ""),
                Arguments.of("key-management", "p256", "CN=a", "", "", ""),
                Arguments.of("key-management", "rsa2048", "CN=a", "", "", ""),
                Arguments.of("no-usage", "p256", "CN=a", "", "", ""),
                // SAN presence, count and type
                Arguments.of("tls-server", "p256", "CN=a.example.com", "", "", "san-required"),
                Arguments.of("corp-only", "p256", "", "DNS:a.corp.example,DNS:b.corp.example,DNS:c.corp.example", "",
                        "san-count"),
                Arguments.of("tls-server", "p256", "", "EMAIL:a@example.com", "", "san-type-allowed"),
                Arguments.of("smime", "p256", "", "DNS:a.example.com", "", "san-type-allowed"),
                Arguments.of("smime", "p256", "", "IP:192.0.2.1", "", "san-type-allowed"),
                Arguments.of("ocsp-signing", "p256", "CN=ocsp", "DNS:ocsp.example.com", "", "san-type-allowed"),
                Arguments.of("tls-server", "p256", "", "IP:192.0.2.1", "", ""),
                Arguments.of("tls-server", "p256", "", "IP:2001:db8::1", "", ""),
                // DNS syntax and wildcards
                Arguments.of("tls-server", "p256", "", "DNS:*.example.com", "", ""),
                Arguments.of("tls-server", "p256", "", "DNS:*.*.example.com", "", "dns-name-syntax"),
                Arguments.of("tls-server", "p256", "", "DNS:a.*.example.com", "", "dns-name-syntax"),
                Arguments.of("tls-server", "p256", "", "DNS:*.com", "", "dns-name-syntax"),
                Arguments.of("tls-server", "p256", "", "DNS:*", "", "dns-name-syntax"),
                Arguments.of("tls-server", "p256", "", "DNS:bad..example.com", "", "dns-name-syntax"),
                Arguments.of("tls-server", "p256", "", "DNS:localhost", "", ""),
                Arguments.of("tls-server", "p256", "", "DNS:under_score.example.com", "", "dns-name-syntax"),
                Arguments.of("tls-server", "p256", "", "DNS:-lead.example.com", "", "dns-name-syntax"),
                Arguments.of("tls-server", "p256", "", "DNS:trailing.example.com.", "", "dns-name-syntax"),
                Arguments.of("tls-server", "p256", "", "DNS:192.0.2.1", "", "dns-name-syntax"),
                Arguments.of("tls-server", "p256", "", "DNS:" + "a".repeat(64) + ".example.com", "", "dns-name-syntax"),
                // DNS names the profile allows
                Arguments.of("corp-only", "p256", "", "DNS:host.corp.example", "", ""),
                Arguments.of("corp-only", "p256", "", "DNS:*.corp.example", "", ""),
                Arguments.of("corp-only", "p256", "", "DNS:WWW.Example.COM", "", ""),
                Arguments.of("corp-only", "p256", "", "DNS:corp.example", "", "dns-name-allowed"),
                Arguments.of("corp-only", "p256", "", "DNS:evilcorp.example", "", "dns-name-allowed"),
                Arguments.of("corp-only", "p256", "", "DNS:*.example.com", "", "dns-name-allowed"),
                Arguments.of("corp-only", "p256", "", "DNS:host.corp.example.evil.com", "", "dns-name-allowed"),
                // e-mail, UPN, URI
                Arguments.of("smime", "p256", "", "EMAIL:alice@example.com", "", ""),
                Arguments.of("smime", "p256", "", "EMAIL:alice", "", "email-syntax"),
                Arguments.of("smime", "p256", "", "EMAIL:a@b@example.com", "", "email-syntax"),
                Arguments.of("smime", "p256", "", "EMAIL:al ice@example.com", "", "email-syntax"),
                Arguments.of("smartcard-logon", "p256", "", "UPN:alice", "", "upn-syntax"),
                Arguments.of("smartcard-logon", "p256", "", "UPN:j\u00fcrgen@corp.example", "", ""),
                Arguments.of("tls-client", "p256", "CN=a", "URI:spiffe://example.org/svc", "", ""),
                Arguments.of("tls-client", "p256", "CN=a", "URI:not a uri", "", "uri-syntax"),
                Arguments.of("tls-client", "p256", "CN=a", "URI:relative/path", "", "uri-syntax"),
                // subject template variables
                Arguments.of("tls-client", "p256", "", "", "", "subject-variables"),
                Arguments.of("tls-client", "p256", "", "", "cn=Device 9", ""),
                Arguments.of("tls-client", "p256", "", "", "cn= ", "subject-variables"),
                Arguments.of("department", "p256", "CN=Alice", "", "", "subject-variables"),
                Arguments.of("department", "p256", "CN=Alice", "", "department=Sales", ""),
                // CSR attributes fill variables named by the attribute (ou), not by the template's names
                Arguments.of("department", "p256", "CN=Alice,OU=Sales", "", "", "subject-variables"),
                // subject values: text of the attribute's string type, within its RFC 5280 upper bound
                Arguments.of("tls-client", "p256", "", "", "cn=#3003020101", ""),
                Arguments.of("tls-client", "p256", "", "", "cn=#zz", ""),
                Arguments.of("tls-client", "p256", "", "", "cn=" + "a".repeat(64), ""),
                Arguments.of("tls-client", "p256", "", "", "cn=" + "a".repeat(65), "subject-values"),
                Arguments.of("tls-client", "p256", "", "", "cn=" + "a".repeat(300), "subject-values"),
                Arguments.of("tls-client", "p256", "", "", "cn=a\u0007b", "subject-values"),
                Arguments.of("department", "p256", "CN=Alice", "", "department=" + "d".repeat(65), "subject-values"));
    }

    @ParameterizedTest(name = "{0} {1} {2} [{3}] ({4}) -> {5}")
    @MethodSource("cases")
    void ruleRefusesByName(String profileId, String key, String subject, String sans, String variables,
            String rule) {
        IssuanceContext context = new IssuanceContext(PROFILES.get(profileId), issuer,
                Csrs.parsed(key(key), subject, sans(sans)), variables(variables),
                TestSystem.START.plus(Duration.ofHours(1)));
        IssuancePolicy policy = IssuancePolicy.standard();
        if (rule.isEmpty()) {
            assertThat(policy.violations(context)).isEmpty();
            policy.check(context);
        } else {
            assertThat(policy.violations(context)).extracting(Violation::rule).contains(rule);
            assertThatThrownBy(() -> policy.check(context)).isInstanceOfSatisfying(LanyardException.class, e -> {
                assertThat(e.code()).isEqualTo(rule);
                // v2 (ADR 0013): the catalogue's kind (BAD_KEY, IDENTIFIER_REJECTED…), each a policy refusal
                assertThat(e.kind()).isEqualTo(org.lanyard.core.ErrorCode.find(rule).orElseThrow().kind());
                assertThat(e.kind().general()).isEqualTo(ErrorKind.POLICY_REFUSED);
                assertThat(e.properties()).containsEntry("rule", rule);
            });
        }
    }

    @Test
    void issuerNotYetValidOrExpiringIsRefused() {
        var csr = Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256), "CN=a");
        Instant notBefore = issuer.certificate().getNotBefore().toInstant();
        Instant notAfter = issuer.certificate().getNotAfter().toInstant();
        for (Instant now : List.of(notBefore.minusSeconds(1), notAfter.minus(Duration.ofMinutes(30)),
                notAfter.plusSeconds(1))) {
            var context = new IssuanceContext(PROFILES.get("tls-client"), issuer, csr, Map.of(), now);
            assertThat(IssuancePolicy.standard().violations(context)).extracting(Violation::rule)
                    .containsExactly("issuer-valid");
        }
        var ok = new IssuanceContext(PROFILES.get("tls-client"), issuer, csr, Map.of(), notAfter.minus(Duration.ofHours(2)));
        assertThat(IssuancePolicy.standard().violations(ok)).isEmpty();
    }

    @Test
    void allViolationsAreReportedFirstNamesTheError() {
        var context = new IssuanceContext(PROFILES.get("tls-server"), issuer,
                Csrs.parsed(Keys.rsa(1024), "", Csrs.san("EMAIL:a@example.com")), Map.of(), TestSystem.START);
        assertThat(IssuancePolicy.standard().violations(context)).extracting(Violation::rule)
                .containsExactly("key-algorithm-allowed", "san-type-allowed", "subject-variables");
    }

    private static CertificateProfile usageOnly(String id, KeyUsageBit... usages) {
        var bits = EnumSet.noneOf(KeyUsageBit.class);
        bits.addAll(Arrays.asList(usages));
        return new CertificateProfile(id, id, null, EnumSet.allOf(KeyAlgorithm.class), Duration.ofDays(90), bits,
                List.of(ExtendedKeyUsage.clientAuth), "CN=${cn}", EnumSet.noneOf(SanType.class), List.of(), false, 0,
                List.of(), null, null, false, null);
    }

    static KeyPair key(String name) {
        return switch (name) {
            case "p256" -> Keys.generate(KeyAlgorithm.EC_P256);
            case "p384" -> Keys.generate(KeyAlgorithm.EC_P384);
            case "rsa1024" -> Keys.rsa(1024);
            case "rsa2048" -> Keys.rsa(2048);
            case "rsa4096" -> Keys.rsa(4096);
            default -> Keys.ec(name);
        };
    }

    static SubjectAltName[] sans(String text) {
        return text.isEmpty() ? new SubjectAltName[0]
                : Arrays.stream(text.split(",")).map(SubjectAltName::parse).toArray(SubjectAltName[]::new);
    }

    static Map<String, String> variables(String text) {
        Map<String, String> out = new HashMap<>();
        if (!text.isEmpty()) {
            for (String pair : text.split(";")) {
                out.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return out;
    }
}
