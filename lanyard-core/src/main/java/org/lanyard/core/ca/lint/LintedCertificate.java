package org.lanyard.core.ca.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.TBSCertificate;

/**
 * A to-be-signed certificate that passed {@link CertificateLint#require}: the only thing
 * {@code Certificates.sign} accepts, so a TBS that was not linted, or failed the lint, cannot
 * reach a signer (DESIGN.md §5, invariant 1; docs/flows/issuance.md steps 4 and 5). The only
 * constructor is package-private and called by the lint alone. The DER is fixed here, so the
 * signer gets exactly the bytes the lint checked and {@link #sha256} names.
 */
public final class LintedCertificate {

    private final TBSCertificate tbs;
    private final byte[] der;
    private final String sha256;

    LintedCertificate(TBSCertificate tbs) {
        try {
            this.der = tbs.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.tbs = TBSCertificate.getInstance(der);
        this.sha256 = sha256(der);
    }

    public TBSCertificate tbs() {
        return tbs;
    }

    /** The DER of the TBSCertificate: what the signer signs. */
    public byte[] der() {
        return der.clone();
    }

    /** Lower-case hex SHA-256 of {@link #der}, recorded with the reservation before signing. */
    public String sha256() {
        return sha256;
    }

    /** Lower-case hex SHA-256 of a DER TBSCertificate, e.g. {@code X509Certificate.getTBSCertificate()}. */
    public static String sha256(byte[] tbsDer) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tbsDer));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
