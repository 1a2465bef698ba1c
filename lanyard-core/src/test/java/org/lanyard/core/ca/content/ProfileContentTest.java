package org.lanyard.core.ca.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lanyard.core.testing.Csrs.san;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lanyard.core.ca.ActiveIssuer;
import org.lanyard.core.ca.CertificateProfile;
import org.lanyard.core.ca.Certificates;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.PublicationUrls;
import org.lanyard.core.ca.ShippedProfiles;
import org.lanyard.core.ca.SubjectAltName;
import org.lanyard.core.testing.Keys;
import org.lanyard.core.testing.TestSystem;

/**
 * The modifier pipeline writes what {@code Certificates.leaf} wrote ({@link LegacyLeaf}): for every
 * shipped profile, with EC and RSA keys, with and without SANs, subject and issuer URLs, and with
 * the profile's own URLs, the whole TBS DER is identical, so every extension's OID, criticality and
 * value, and their order, are too.
 */
class ProfileContentTest {

    private static final Instant NOT_BEFORE = Instant.parse("2026-03-01T09:59:00Z");
    private static final Instant NOT_AFTER = Instant.parse("2027-03-01T09:59:00Z");
    private static final PublicationUrls.Urls ISSUER_URLS = new PublicationUrls.Urls(
            "http://crl.example/ca-3.crl", "http://ocsp.example/", "http://ca.example/ca.crt", 3);

    private static ActiveIssuer issuer;

    @BeforeAll
    static void ca() {
        issuer = TestSystem.withCa(KeyAlgorithm.EC_P256).issuers.resolve(null);
    }

    static Stream<Arguments> cases() {
        List<CertificateProfile> profiles = new ArrayList<>(ShippedProfiles.all());
        for (CertificateProfile p : ShippedProfiles.all()) {
            // the same profile naming its own URLs, one with ${shard}
            profiles.add(new CertificateProfile(p.id() + "+urls", p.name(), p.description(), p.allowedKeys(),
                    p.validity(), p.keyUsage(), p.extendedKeyUsage(), p.subjectTemplate(), p.allowedSanTypes(),
                    p.allowedDnsNames(), p.sanRequired(), p.maxSans(),
                    List.of("http://crl.example/p-${shard}.crl", "ldap://dir.example/cn=crl"), "http://p.example/ca",
                    "http://p.example/ocsp", p.serverKeyGeneration(), null));
        }
        List<List<SubjectAltName>> sanSets = List.of(List.of(),
                List.of(san("DNS:www.example.com"), san("IP:192.0.2.7"), san("EMAIL:a@example.com")));
        List<Arguments> cases = new ArrayList<>();
        for (CertificateProfile profile : profiles) {
            for (KeyAlgorithm key : List.of(KeyAlgorithm.EC_P256, KeyAlgorithm.RSA_2048)) {
                for (List<SubjectAltName> sans : sanSets) {
                    for (String subject : List.of("CN=leaf", "")) {
                        for (PublicationUrls.Urls urls : List.of(PublicationUrls.Urls.NONE, ISSUER_URLS)) {
                            cases.add(Arguments.of(profile, key, sans, subject, urls));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "[{index}] {1} {3}")
    @MethodSource("cases")
    void modifiersBuildTheSameTbsAsTheOldLeaf(CertificateProfile profile, KeyAlgorithm key,
            List<SubjectAltName> sans, String subjectName, PublicationUrls.Urls urls) throws Exception {
        BigInteger serial = new BigInteger("7f00112233445566778899aabbccddee", 16);
        X500Name subject = new X500Name(subjectName);
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(Keys.generate(key).getPublic().getEncoded());

        TBSCertificate old = LegacyLeaf.leaf(serial, issuer.issuer(), issuer.signer().algorithm(), subject, spki,
                sans, profile, NOT_BEFORE, NOT_AFTER, urls);
        TBSCertificate built = new TbsBuilder(serial, issuer.issuer().certificate(),
                Certificates.signatureAlgorithm(issuer.signer().algorithm()), subject, spki, sans, NOT_BEFORE,
                NOT_AFTER).apply(profile.modifiers(urls)).build();

        // extension by extension first, for a readable failure
        List<String> oldExtensions = describe(old);
        assertThat(describe(built)).containsExactlyElementsOf(oldExtensions);
        assertThat(oldExtensions).isNotEmpty();
        assertThat(built.getEncoded("DER")).isEqualTo(old.getEncoded("DER"));
    }

    private static List<String> describe(TBSCertificate tbs) throws Exception {
        List<String> out = new ArrayList<>();
        for (var oid : tbs.getExtensions().getExtensionOIDs()) {
            Extension e = tbs.getExtensions().getExtension(oid);
            out.add(oid + (e.isCritical() ? " critical " : " ") + org.bouncycastle.util.encoders.Hex.toHexString(
                    e.getExtnValue().getOctets()));
        }
        return out;
    }

}
