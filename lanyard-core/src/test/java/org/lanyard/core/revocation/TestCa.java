package org.lanyard.core.revocation;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.lanyard.core.ca.ActiveIssuer;
import org.lanyard.core.ca.CertificateProfile;
import org.lanyard.core.ca.CertificateRecord;
import org.lanyard.core.ca.CertificateStatus;
import org.lanyard.core.ca.Certificates;
import org.lanyard.core.ca.PublicationUrls;
import org.lanyard.core.ca.content.TbsBuilder;
import org.lanyard.core.ca.lint.Unlinted;
import org.lanyard.core.ca.ExtendedKeyUsage;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.KeyUsageBit;
import org.lanyard.core.ca.SanType;
import org.lanyard.core.ca.Serials;

/**
 * A two-level CA built with the core's certificate builders: a root and an issuing CA, and leaf
 * certificates whose CRL distribution point is their shard's URL (as issuance will write it).
 */
final class TestCa {

    static final String OCSP_URL = "http://ocsp.test/ocsp";

    final Issuer root;
    final ActiveIssuer issuing;
    final SoftwareSigner issuingKey;
    final CrlPolicy policy;
    private final SoftwareSigner leafKey = SoftwareSigner.generate(KeyAlgorithm.EC_P256);
    private final Serials serials = new Serials(new SecureRandom());
    private final Instant start;

    TestCa(String id, CrlPolicy policy, Instant start) {
        this.policy = policy;
        this.start = start;
        SoftwareSigner rootKey = SoftwareSigner.generate(KeyAlgorithm.EC_P256);
        X500Name rootName = new X500Name("CN=" + id + " Root CA");
        X509Certificate rootCert = Certificates.sign(Unlinted.forTest(Certificates.ca(serials.next(), null, rootKey.algorithm(),
                rootName, spki(rootKey), null, start, start.plus(Duration.ofDays(3650)))), rootKey);
        root = new Issuer(id + "-root", id + " Root CA", List.of(rootCert), id + "-root", false, start);
        issuingKey = SoftwareSigner.generate(KeyAlgorithm.EC_P256);
        X509Certificate issuingCert = Certificates.sign(Unlinted.forTest(Certificates.ca(serials.next(), rootCert,
                rootKey.algorithm(), new X500Name("CN=" + id + " Issuing CA"), spki(issuingKey), 0, start,
                start.plus(Duration.ofDays(1800)))), rootKey);
        issuing = new ActiveIssuer(new Issuer(id, id + " Issuing CA", List.of(issuingCert, rootCert), id, true, start),
                issuingKey);
    }

    /** Issues a leaf valid from the CA's start for {@code validity} and stores it as VALID. */
    X509Certificate issue(MemoryCertificates store, Duration validity) {
        BigInteger serial = serials.next();
        String crlUrl = CrlShards.url(policy.urlTemplate(), serial, policy.shards());
        CertificateProfile profile = new CertificateProfile("test", "test", "", EnumSet.allOf(KeyAlgorithm.class),
                validity, EnumSet.of(KeyUsageBit.digitalSignature), List.of(ExtendedKeyUsage.clientAuth), "CN=${cn}",
                EnumSet.noneOf(SanType.class), List.of(), false, 0, List.of(crlUrl), null, OCSP_URL, false, null);
        Instant notAfter = start.plus(validity);
        X509Certificate leaf = Certificates.sign(Unlinted.forTest(new TbsBuilder(serial,
                issuing.issuer().certificate(), Certificates.signatureAlgorithm(issuingKey.algorithm()),
                new X500Name("CN=leaf " + Serials.hex(serial)), spki(leafKey), List.of(), start, notAfter)
                .apply(profile.modifiers(PublicationUrls.Urls.NONE)).build()), issuingKey);
        try {
            store.complete(new CertificateRecord(serial, issuing.issuer().id(), "test", CertificateStatus.VALID,
                    leaf.getSubjectX500Principal().getName(), List.of(), start, notAfter, "p256", "test", start,
                    leaf.getEncoded(), null));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return leaf;
    }

    BigInteger reserve(MemoryCertificates store, CertificateStatus status) {
        BigInteger serial = serials.next();
        store.complete(new CertificateRecord(serial, issuing.issuer().id(), "test", status, "CN=reserved", List.of(),
                null, null, "p256", "test", start, null, null));
        return serial;
    }

    static SubjectPublicKeyInfo spki(SoftwareSigner signer) {
        return SubjectPublicKeyInfo.getInstance(signer.publicKey().getEncoded());
    }
}
