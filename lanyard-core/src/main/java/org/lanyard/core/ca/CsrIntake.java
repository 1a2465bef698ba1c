package org.lanyard.core.ca;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.lanyard.core.ErrorCode;
import org.lanyard.core.LanyardException;

/**
 * Reads a PKCS#10 request from outside and checks its signature (proof of possession). Anything
 * unreadable is refused with {@code csr-malformed}; a bad signature with {@code csr-signature-invalid}.
 * The key type is judged later, by the profile's {@code key-algorithm-allowed} rule.
 */
public final class CsrIntake {

    public static final int MAX_BYTES = 64 * 1024;

    private CsrIntake() {
    }

    /** Accepts PEM ({@code CERTIFICATE REQUEST} or {@code NEW CERTIFICATE REQUEST}) or raw DER. */
    public static ParsedCsr parse(byte[] input) {
        if (input == null || input.length == 0) {
            throw malformed("the CSR is empty");
        }
        if (input.length > MAX_BYTES) {
            throw malformed("the CSR is larger than " + MAX_BYTES + " bytes");
        }
        byte[] der = looksLikePem(input) ? pemToDer(new String(input, StandardCharsets.US_ASCII)) : input;
        return parseDer(der);
    }

    public static ParsedCsr parse(String pem) {
        return parse(pem == null ? new byte[0] : pem.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean looksLikePem(byte[] input) {
        return new String(input, 0, Math.min(input.length, 64), StandardCharsets.US_ASCII).contains("-----BEGIN");
    }

    private static byte[] pemToDer(String text) {
        try (PemReader reader = new PemReader(new StringReader(text))) {
            PemObject object = reader.readPemObject();
            if (object == null || !(object.getType().equals("CERTIFICATE REQUEST")
                    || object.getType().equals("NEW CERTIFICATE REQUEST"))) {
                throw malformed("expected a PEM block 'CERTIFICATE REQUEST'");
            }
            return object.getContent();
        } catch (IOException | RuntimeException e) {
            if (e instanceof LanyardException le) {
                throw le;
            }
            throw malformed("the PEM encoding is broken");
        }
    }

    private static ParsedCsr parseDer(byte[] der) {
        PKCS10CertificationRequest csr;
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
            if (!(primitive instanceof ASN1Sequence seq) || seq.size() != 3) {
                throw malformed("a CSR is a SEQUENCE of three elements");
            }
            if (!java.util.Arrays.equals(primitive.getEncoded("DER"), der)) {
                throw malformed("the CSR is not DER encoded, or has trailing bytes");
            }
            csr = new PKCS10CertificationRequest(CertificationRequest.getInstance(primitive));
            csr.getSubject();
            // decode the key as a key, not as ASN.1: an EC public key is a bare point, not DER
            new org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter().setProvider(org.lanyard.core.crypto.Providers.bc())
                    .getPublicKey(csr.getSubjectPublicKeyInfo());
        } catch (LanyardException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw malformed("the CSR cannot be decoded: " + e.getClass().getSimpleName());
        }
        verifySignature(csr);
        return new ParsedCsr(der, csr.getSubject(), csr.getSubjectPublicKeyInfo(), subjectAltNames(csr));
    }

    private static void verifySignature(PKCS10CertificationRequest csr) {
        boolean valid;
        try {
            ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder()
                    .setProvider(org.lanyard.core.crypto.Providers.bc())
                    .build(csr.getSubjectPublicKeyInfo());
            valid = csr.isSignatureValid(verifier);
        } catch (Exception e) {
            throw new LanyardException(org.lanyard.core.ErrorKind.BAD_CSR, "csr-signature-invalid",
                    "the CSR signature cannot be checked: " + e.getClass().getSimpleName());
        }
        if (!valid) {
            throw new LanyardException(org.lanyard.core.ErrorKind.BAD_CSR, "csr-signature-invalid",
                    "the CSR signature does not verify with its public key (no proof of possession)");
        }
    }

    private static List<SubjectAltName> subjectAltNames(PKCS10CertificationRequest csr) {
        try {
            for (var attribute : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
                for (var value : attribute.getAttributeValues()) {
                    Extensions extensions = Extensions.getInstance(value);
                    Extension san = extensions.getExtension(Extension.subjectAlternativeName);
                    if (san != null) {
                        return SubjectAltNames.read(GeneralNames.getInstance(san.getParsedValue()));
                    }
                }
            }
            return List.of();
        } catch (LanyardException e) {
            throw e;
        } catch (RuntimeException e) {
            throw malformed("the CSR's requested extensions cannot be decoded");
        }
    }

    private static LanyardException malformed(String detail) {
        return LanyardException.of(ErrorCode.CSR_MALFORMED, detail);
    }
}
