package org.lanyard.core.revocation;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Builds OCSP requests and reads responses with BouncyCastle, as a relying party would. */
final class OcspClient {

    private OcspClient() {
    }

    static byte[] request(X509Certificate issuer, BigInteger serial, byte[] nonce) {
        return request(issuer, serial, nonce, false);
    }

    static byte[] request(X509Certificate issuer, BigInteger serial, byte[] nonce, boolean sha256) {
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(
                    new AlgorithmIdentifier(sha256 ? NISTObjectIdentifiers.id_sha256 : OIWObjectIdentifiers.idSHA1)),
                    new X509CertificateHolder(issuer.getEncoded()), serial);
            OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
            if (nonce != null) {
                builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                        false, new DEROctetString(nonce).getEncoded())));
            }
            return builder.build().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static BasicOCSPResp basic(OcspResponse response) {
        try {
            OCSPResp resp = new OCSPResp(response.der());
            return (BasicOCSPResp) resp.getResponseObject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
