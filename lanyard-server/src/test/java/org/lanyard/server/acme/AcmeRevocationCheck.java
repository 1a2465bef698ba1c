package org.lanyard.server.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.lanyard.server.TestServer;

/** Asks the OCSP URL written in an ACME certificate (AIA) about it, as a relying party would. */
final class AcmeRevocationCheck {

    private AcmeRevocationCheck() {
    }

    /** @return null when good, else the revocation reason code */
    static Integer ocsp(TestServer server, List<X509Certificate> chain) throws Exception {
        X509Certificate leaf = chain.get(0);
        X509Certificate issuer = chain.get(1);
        AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                ASN1OctetString.getInstance(leaf.getExtensionValue("1.3.6.1.5.5.7.1.1")).getOctets());
        String url = null;
        for (AccessDescription d : aia.getAccessDescriptions()) {
            if (d.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
                    && d.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
                url = d.getAccessLocation().getName().toString();
            }
        }
        byte[] request = new OCSPReqBuilder().addRequest(new CertificateID(
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new X509CertificateHolder(issuer.getEncoded()), leaf.getSerialNumber())).build().getEncoded();
        HttpResponse<byte[]> response = server.exchange("POST", url, request, "application/ocsp-request", null);
        assertThat(response.statusCode()).isEqualTo(200);
        OCSPResp resp = new OCSPResp(response.body());
        assertThat(resp.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        BasicOCSPResp basic = (BasicOCSPResp) resp.getResponseObject();
        X509CertificateHolder responder = basic.getCerts()[0];
        assertThat(responder.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer))).isTrue();
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder))).isTrue();
        SingleResp single = basic.getResponses()[0];
        if (single.getCertStatus() == null) {
            return null;
        }
        RevokedStatus revoked = (RevokedStatus) single.getCertStatus();
        return revoked.hasRevocationReason() ? revoked.getRevocationReason() : 0;
    }
}
