package org.lanyard.core.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.junit.jupiter.api.Test;
import org.lanyard.core.testing.Csrs;
import org.lanyard.core.testing.Keys;
import org.lanyard.core.testing.TestSystem;

/** Issued certificates point at the issuer's CRL shard, OCSP responder and certificate. */
class PublicationUrlsTest {

    private static final PublicationUrls URLS = (issuerId, serial) -> new PublicationUrls.Urls(
            "http://pub.test/crl/" + issuerId + "/" + serial.mod(BigInteger.valueOf(4)) + ".crl",
            "http://pub.test/ocsp", "http://pub.test/ca/" + issuerId + ".crt", serial.mod(BigInteger.valueOf(4))
                    .intValue());

    private static IssueCertificate issuing(TestSystem s) {
        return new IssueCertificate(s.profiles, s.issuers, s.certificates, s.tx, s.audit, s.serials,
                IssuancePolicy.standard(), s.lint, s.clock, URLS);
    }

    @Test
    void certificatesCarryTheirShardsCrlAndTheIssuersOcspAndCaIssuers() throws Exception {
        TestSystem system = TestSystem.withCa(KeyAlgorithm.EC_P256);
        IssuedCertificate issued = issuing(system).issue(new IssuanceRequest("tls-server",
                Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256), "", Csrs.dns("www.example.com")), Map.of(),
                TestSystem.ALICE));
        X509Certificate cert = issued.certificate();
        String issuer = issued.record().issuerId();
        int shard = cert.getSerialNumber().mod(BigInteger.valueOf(4)).intValue();

        assertThat(crlUrls(cert)).containsExactly("http://pub.test/crl/" + issuer + "/" + shard + ".crl");
        assertThat(aia(cert, AccessDescription.id_ad_ocsp)).isEqualTo("http://pub.test/ocsp");
        assertThat(aia(cert, AccessDescription.id_ad_caIssuers)).isEqualTo("http://pub.test/ca/" + issuer + ".crt");
    }

    @Test
    void ocspResponderCertificatesGetNoCheckAndNoRevocationPointers() throws Exception {
        TestSystem system = TestSystem.withCa(KeyAlgorithm.EC_P256);
        X509Certificate cert = issuing(system).issue(new IssuanceRequest("ocsp-signing",
                Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256), ""), Map.of("cn", "OCSP responder"),
                TestSystem.ALICE)).certificate();

        assertThat(cert.getExtensionValue(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId())).isNotNull();
        assertThat(cert.getExtensionValue(Extension.cRLDistributionPoints.getId())).isNull();
        assertThat(cert.getExtensionValue(Extension.authorityInfoAccess.getId())).isNull();
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.9");
    }

    static java.util.List<String> crlUrls(X509Certificate cert) {
        byte[] value = cert.getExtensionValue(Extension.cRLDistributionPoints.getId());
        CRLDistPoint points = CRLDistPoint.getInstance(ASN1OctetString.getInstance(value).getOctets());
        return java.util.Arrays.stream(points.getDistributionPoints())
                .map(p -> GeneralNames.getInstance(p.getDistributionPoint().getName()).getNames()[0].getName().toString())
                .toList();
    }

    static String aia(X509Certificate cert, org.bouncycastle.asn1.ASN1ObjectIdentifier method) {
        byte[] value = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
        AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                ASN1OctetString.getInstance(value).getOctets());
        for (AccessDescription d : aia.getAccessDescriptions()) {
            if (d.getAccessMethod().equals(method)) {
                GeneralName name = d.getAccessLocation();
                return name.getName().toString();
            }
        }
        return null;
    }
}
