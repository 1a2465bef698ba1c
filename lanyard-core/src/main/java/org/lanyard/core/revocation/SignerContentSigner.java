package org.lanyard.core.revocation;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.lanyard.core.ca.Certificates;
import org.lanyard.core.ca.Signer;

/** Lets BouncyCastle builders sign small structures (OCSP responses) with a {@link Signer}. */
final class SignerContentSigner implements ContentSigner {

    private final Signer signer;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream(512);

    SignerContentSigner(Signer signer) {
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
