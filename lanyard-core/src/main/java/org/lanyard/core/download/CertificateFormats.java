package org.lanyard.core.download;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DLSequence;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.DLTaggedObject;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;
import org.lanyard.core.ca.Pem;

/**
 * Renders a certificate and its issuer chain (issuing CA first, root last, as
 * {@code Issuer.chain()} holds it) in the download formats. PKCS#7 is a certs-only CMS
 * SignedData (RFC 5652 §5, no signers) whose certificate set keeps the leaf-first order
 * (encoded as a non-sorted SET, which every reader accepts) so that tools that take the first
 * certificate as the leaf get it right.
 */
public final class CertificateFormats {

    private CertificateFormats() {
    }

    public static byte[] render(DownloadFormat format, X509Certificate certificate, List<X509Certificate> issuers) {
        return switch (format) {
            case PEM -> ascii(Pem.certificate(certificate));
            case DER -> der(certificate);
            case PEM_CHAIN -> ascii(Pem.certificates(leafFirst(certificate, issuers)));
            case PEM_CHAIN_ROOT_FIRST -> ascii(Pem.certificates(rootFirst(certificate, issuers)));
            case PKCS7 -> pkcs7(leafFirst(certificate, issuers));
            case PKCS7_PEM -> ascii(Pem.encode("PKCS7", pkcs7(leafFirst(certificate, issuers))));
            case ISSUER_CHAIN -> ascii(Pem.certificates(issuers));
        };
    }

    public static List<X509Certificate> leafFirst(X509Certificate certificate, List<X509Certificate> issuers) {
        List<X509Certificate> chain = new ArrayList<>(issuers.size() + 1);
        chain.add(certificate);
        chain.addAll(issuers);
        return chain;
    }

    public static List<X509Certificate> rootFirst(X509Certificate certificate, List<X509Certificate> issuers) {
        List<X509Certificate> chain = leafFirst(certificate, issuers);
        Collections.reverse(chain);
        return chain;
    }

    /**
     * A certs-only PKCS#7 (degenerate SignedData) holding {@code certificates} in order, DER
     * except that the certificate SET keeps the given order. Built from DL (definite-length,
     * unsorted) structures because BouncyCastle's SignedData re-encodes that SET sorted.
     */
    public static byte[] pkcs7(List<X509Certificate> certificates) {
        ASN1EncodableVector certs = new ASN1EncodableVector();
        for (X509Certificate certificate : certificates) {
            certs.add(Certificate.getInstance(der(certificate)));
        }
        ASN1EncodableVector signedData = new ASN1EncodableVector();
        signedData.add(new ASN1Integer(1)); // version: no attribute certificates, data content
        signedData.add(new DLSet()); // digestAlgorithms: none, nothing is signed
        signedData.add(new DLSequence(CMSObjectIdentifiers.data)); // encapContentInfo without content
        signedData.add(new DLTaggedObject(false, 0, new DLSet(certs))); // certificates [0] IMPLICIT
        signedData.add(new DLSet()); // signerInfos: none
        ASN1EncodableVector contentInfo = new ASN1EncodableVector();
        contentInfo.add(CMSObjectIdentifiers.signedData);
        contentInfo.add(new DLTaggedObject(true, 0, new DLSequence(signedData)));
        try {
            return new DLSequence(contentInfo).getEncoded(ASN1Encoding.DL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
