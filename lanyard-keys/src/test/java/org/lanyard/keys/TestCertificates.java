package org.lanyard.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.lanyard.core.ca.Signer;
import org.lanyard.core.ca.SignerContentSigner;

/** CA certificates signed through the {@link Signer} port, as the CA itself would make them. */
final class TestCertificates {

    private TestCertificates() {
    }

    static X509Certificate selfSigned(String cn, Signer signer) throws Exception {
        return issue(cn, signer.publicKey(), cn, signer);
    }

    static X509Certificate issue(String subjectCn, PublicKey subjectKey, String issuerCn, Signer issuer)
            throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuerCn),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.HOURS)),
                Date.from(now.plus(365, ChronoUnit.DAYS)), new X500Name("CN=" + subjectCn), subjectKey);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        return new JcaX509CertificateConverter().getCertificate(builder.build(new SignerContentSigner(issuer)));
    }

    /** Verifies with the JDK's own providers, so a signature in the wrong encoding fails here. */
    static boolean verifies(PublicKey key, String algorithm, byte[] data, byte[] signature)
            throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(algorithm, key.getAlgorithm().equals("EC") ? "SunEC" : "SunRsaSign");
        verifier.initVerify(key);
        verifier.update(data);
        return verifier.verify(signature);
    }

}
