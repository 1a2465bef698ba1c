package org.lanyard.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.Signer;
import org.lanyard.core.ca.SignerContentSigner;

/**
 * A self-signed stand-in certificate for a key that has no certificate yet. PKCS#12 files and
 * PKCS#11 key stores only keep private keys that have a certificate, and a generated key must
 * survive a restart before the CA certificate for it exists. {@code bindCertificate} replaces it.
 * It is never issued to anyone: the subject says so, and it is valid for one day only.
 */
final class PlaceholderCertificate {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PlaceholderCertificate() {
    }

    static X509Certificate create(String alias, Signer signer) {
        // The clock only dates a certificate nobody will validate; the wall clock is fine here.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // A subject of its own per key: PKCS#11 key stores find chains by subject and would take
        // two placeholders with one subject for issuer and subject of each other.
        X500Name name = new X500NameBuilder()
                .addRDN(BCStyle.CN, "lanyard placeholder for " + alias)
                .addRDN(BCStyle.SERIALNUMBER, new BigInteger(64, RANDOM).toString(16))
                .build();
        try {
            var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, RANDOM).setBit(63), Date.from(now),
                    Date.from(now.plus(1, ChronoUnit.DAYS)), name, signer.publicKey());
            return new JcaX509CertificateConverter().getCertificate(builder.build(new SignerContentSigner(signer)));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new LanyardException(ErrorKind.INTERNAL, "key-placeholder-failed",
                    "could not make the placeholder certificate for key '" + alias + "': " + e.getMessage(),
                    java.util.Map.of(), e);
        }
    }

}
