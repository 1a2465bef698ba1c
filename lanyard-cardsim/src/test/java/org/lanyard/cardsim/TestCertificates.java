package org.lanyard.cardsim;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.lanyard.cards.piv.KeyAlgorithm;
import org.lanyard.cards.piv.PivCard;
import org.lanyard.cards.piv.PivSlot;

/** Self-signed certificates whose signature the card itself makes: proves the slot key signs. */
final class TestCertificates {

    private TestCertificates() {
    }

    /** A certificate for the slot's public key, signed with SHA-256 by the card (PIN already verified). */
    static X509Certificate selfSigned(PivCard card, PivSlot slot, KeyAlgorithm algorithm, PublicKey key, String cn)
            throws Exception {
        String sigAlg = algorithm.isEc() ? "SHA256withECDSA" : "SHA256withRSA";
        AlgorithmIdentifier id = new DefaultSignatureAlgorithmIdentifierFinder().find(sigAlg);
        ByteArrayOutputStream tbs = new ByteArrayOutputStream();
        ContentSigner signer = new ContentSigner() {
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return id;
            }

            public OutputStream getOutputStream() {
                return tbs;
            }

            public byte[] getSignature() {
                try {
                    byte[] hash = MessageDigest.getInstance("SHA-256").digest(tbs.toByteArray());
                    return card.sign(slot, algorithm, algorithm.isEc() ? hash : Pkcs1.sha256Block(hash, algorithm.size()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=" + cn);
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))), name, key).build(signer));
    }
}
