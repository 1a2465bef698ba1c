package org.lanyard.core.ca;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.lanyard.core.LanyardException;
import org.lanyard.core.crypto.Providers;

/** PEM text in and out: certificates, chains and (for CA import) unencrypted private keys. */
public final class Pem {

    private Pem() {
    }

    public static String certificate(X509Certificate certificate) {
        try {
            return encode("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String certificates(List<X509Certificate> certificates) {
        StringBuilder out = new StringBuilder();
        certificates.forEach(c -> out.append(certificate(c)));
        return out.toString();
    }

    public static String encode(String type, byte[] der) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Every CERTIFICATE block in {@code pem}, in order; refuses text with none. */
    public static List<X509Certificate> parseCertificates(String pem) {
        List<X509Certificate> out = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem == null ? "" : pem))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof org.bouncycastle.cert.X509CertificateHolder holder) {
                    out.add(Certificates.parse(holder.getEncoded()));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw LanyardException.invalid("certificate-malformed", "the PEM certificates cannot be read");
        }
        if (out.isEmpty()) {
            throw LanyardException.invalid("certificate-malformed", "no PEM CERTIFICATE block found");
        }
        return out;
    }

    /** An unencrypted private key: PKCS#8 ({@code PRIVATE KEY}), {@code EC PRIVATE KEY} or {@code RSA PRIVATE KEY}. */
    public static PrivateKey parsePrivateKey(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem == null ? "" : pem))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(Providers.bc());
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException | RuntimeException e) {
            throw LanyardException.invalid("private-key-malformed", "the PEM private key cannot be read");
        }
        throw LanyardException.invalid("private-key-malformed", "expected an unencrypted PEM private key");
    }
}
