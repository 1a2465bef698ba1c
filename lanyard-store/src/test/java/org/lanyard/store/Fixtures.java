package org.lanyard.store;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.lanyard.core.ca.CertificateProfile;
import org.lanyard.core.ca.CertificateRecord;
import org.lanyard.core.ca.CertificateStatus;
import org.lanyard.core.ca.ExtendedKeyUsage;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.KeyUsageBit;
import org.lanyard.core.ca.SanType;
import org.lanyard.core.ca.SubjectAltName;

/** Records for the contract suites. Instants are whole microseconds, as the store keeps them. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123456Z");

    private Fixtures() {
    }

    static X509Certificate selfSigned(String cn) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair key = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + cn);
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(cn.hashCode() & 0x7fffffff).add(
                    BigInteger.ONE), Date.from(NOW.minusSeconds(60)), Date.from(NOW.plus(Duration.ofDays(3650))),
                    name, key.getPublic());
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Issuer issuer(String id, boolean defaultIssuer) {
        return new Issuer(id, "Issuer " + id, List.of(selfSigned(id + " CA"), selfSigned(id + " Root")),
                "key-" + id, defaultIssuer, NOW);
    }

    static CertificateRecord reservation(BigInteger serial, String issuerId, String subject, SubjectAltName... sans) {
        return new CertificateRecord(serial, issuerId, "tls-server", CertificateStatus.RESERVED, subject,
                List.of(sans), null, null, "p256", "alice (op-1)", NOW, null, null);
    }

    static CertificateRecord issued(CertificateRecord r, Instant notAfter, byte[] der) {
        return new CertificateRecord(r.serial(), r.issuerId(), r.profileId(), CertificateStatus.VALID, r.subject(),
                r.subjectAltNames(), notAfter.minus(Duration.ofDays(90)), notAfter, r.keyAlgorithm(),
                r.requestedBy(), r.createdAt(), der, null);
    }

    static SubjectAltName dns(String name) {
        return new SubjectAltName(SanType.DNS, name);
    }

    static CertificateProfile profile(String id) {
        return new CertificateProfile(id, "Profile " + id, "for tests", Set.of(KeyAlgorithm.EC_P256,
                KeyAlgorithm.RSA_3072), Duration.ofDays(90), Set.of(KeyUsageBit.digitalSignature,
                KeyUsageBit.keyEncipherment), List.of(ExtendedKeyUsage.serverAuth, ExtendedKeyUsage.clientAuth),
                "CN=${cn},O=Example", Set.of(SanType.DNS, SanType.IP), List.of("example.com", "*.example.com"), true,
                10, List.of("http://crl.example.com/a.crl", "http://crl2.example.com/a.crl"),
                "http://ca.example.com/ca.cer", "http://ocsp.example.com", false, "issuing");
    }
}
