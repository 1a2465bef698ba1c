package org.lanyard.core.ca;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;

/**
 * Lets BouncyCastle builders sign small structures (OCSP responses, placeholder certificates) with
 * a {@link Signer}: the data is buffered and signed in one call.
 */
public final class SignerContentSigner implements ContentSigner {

    private final Signer signer;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream(512);

    public SignerContentSigner(Signer signer) {
        this.signer = signer;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return Certificates.signatureAlgorithm(signer.algorithm());
    }

    @Override
    public OutputStream getOutputStream() {
        return data;
    }

    @Override
    public byte[] getSignature() {
        return signer.sign(data.toByteArray());
    }
}
