package org.lanyard.core.revocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.lanyard.core.ca.ActiveIssuer;
import org.lanyard.core.ca.Certificates;
import org.lanyard.core.ca.lint.CertificateLint;

/**
 * Builds a delegated OCSP responder certificate (RFC 6960 §4.2.2.2): issued by the CA whose
 * certificates it answers for, EKU id-kp-OCSPSigning, key usage digitalSignature, and
 * id-pkix-ocsp-nocheck so relying parties do not ask about the responder's own status. Because
 * nobody checks its revocation it should live briefly (days) and be renewed before it expires.
 * The caller stores it like any other certificate before using it (DESIGN.md §5, invariant 3).
 */
public final class OcspSigningCertificate {

    private OcspSigningCertificate() {
    }

    public static X509Certificate build(ActiveIssuer issuer, PublicKey responderKey, BigInteger serial,
            String commonName, Instant notBefore, Instant notAfter) {
        try {
            X509Certificate ca = issuer.issuer().certificate();
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(responderKey.getEncoded());
            ExtensionsGenerator ext = new ExtensionsGenerator();
            ext.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            ext.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            ext.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
            ext.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
            ext.addExtension(Extension.subjectKeyIdentifier, false, Certificates.keyId(spki));
            byte[] caSki = ca.getExtensionValue(Extension.subjectKeyIdentifier.getId());
            byte[] keyId = caSki != null
                    ? SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(caSki).getOctets()).getKeyIdentifier()
                    : Certificates.keyId(SubjectPublicKeyInfo.getInstance(ca.getPublicKey().getEncoded()))
                            .getKeyIdentifier();
            ext.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(keyId));
            V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
            tbs.setSerialNumber(new ASN1Integer(serial));
            tbs.setSignature(Certificates.signatureAlgorithm(issuer.signer().algorithm()));
            tbs.setIssuer(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()));
            tbs.setStartDate(new Time(Date.from(notBefore)));
            tbs.setEndDate(new Time(Date.from(notAfter)));
            tbs.setSubject(new X500Name(new org.bouncycastle.asn1.x500.RDN[] {new org.bouncycastle.asn1.x500.RDN(
                    org.bouncycastle.asn1.x500.style.BCStyle.CN,
                    new org.bouncycastle.asn1.DERUTF8String(commonName))}));
            tbs.setSubjectPublicKeyInfo(spki);
            tbs.setExtensions(ext.generate());
            TBSCertificate certificate = tbs.generateTBSCertificate();
            return Certificates.sign(CertificateLint.standard().require(certificate, ca), issuer.signer());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
