package org.lanyard.core.ca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.lanyard.core.ca.lint.LintedCertificate;

/**
 * CA certificates and signing. End-entity certificates are built by the profile's modifiers
 * ({@code org.lanyard.core.ca.content}); the TBS structure is built first so that the lint checks
 * exactly the bytes that will be signed, and only the lint's {@link LintedCertificate} can be
 * signed (docs/flows/issuance.md, steps 4 and 5).
 */
public final class Certificates {

    private Certificates() {
    }

    public static AlgorithmIdentifier signatureAlgorithm(KeyAlgorithm issuerKey) {
        return new DefaultSignatureAlgorithmIdentifierFinder().find(issuerKey.signatureAlgorithm());
    }

    /**
     * A CA certificate. {@code issuerCertificate} is null for a self-signed root, whose authority
     * key identifier is then its own key identifier.
     */
    public static TBSCertificate ca(BigInteger serial, X509Certificate issuerCertificate, KeyAlgorithm issuerKey,
            X500Name subject, SubjectPublicKeyInfo subjectKey, Integer pathLength, Instant notBefore, Instant notAfter) {
        try {
            ExtensionsGenerator ext = new ExtensionsGenerator();
            ext.addExtension(Extension.basicConstraints, true,
                    pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
            ext.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            SubjectKeyIdentifier ski = keyId(subjectKey);
            ext.addExtension(Extension.subjectKeyIdentifier, false, ski);
            ext.addExtension(Extension.authorityKeyIdentifier, false, issuerCertificate == null
                    ? new AuthorityKeyIdentifier(ski.getKeyIdentifier()) : authorityKeyId(issuerCertificate));
            X500Name issuerName = issuerCertificate == null ? subject
                    : X500Name.getInstance(issuerCertificate.getSubjectX500Principal().getEncoded());
            return tbs(serial, issuerName, subject, subjectKey, notBefore, notAfter, signatureAlgorithm(issuerKey), ext);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Signs a linted TBS with {@code signer} and returns the certificate. Only a
     * {@link LintedCertificate} is accepted: nothing the lint refused or never saw is signed.
     */
    public static X509Certificate sign(LintedCertificate linted, Signer signer) {
        try {
            byte[] signature = signer.sign(linted.der());
            TBSCertificate tbs = linted.tbs();
            ASN1EncodableVector v = new ASN1EncodableVector();
            v.add(tbs);
            v.add(tbs.getSignature());
            v.add(new DERBitString(signature));
            return parse(new DERSequence(v).getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a certificate: " + e.getMessage(), e);
        }
    }

    public static SubjectKeyIdentifier keyId(SubjectPublicKeyInfo key) {
        return new BcX509ExtensionUtils().createSubjectKeyIdentifier(key);
    }

    public static AuthorityKeyIdentifier authorityKeyId(X509Certificate issuer) {
        byte[] skiExt = issuer.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        byte[] id = skiExt != null
                ? SubjectKeyIdentifier.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(skiExt).getOctets())
                        .getKeyIdentifier()
                : keyId(SubjectPublicKeyInfo.getInstance(issuer.getPublicKey().getEncoded())).getKeyIdentifier();
        return new AuthorityKeyIdentifier(id);
    }

    private static TBSCertificate tbs(BigInteger serial, X500Name issuer, X500Name subject, SubjectPublicKeyInfo key,
            Instant notBefore, Instant notAfter, AlgorithmIdentifier signature, ExtensionsGenerator ext) {
        V3TBSCertificateGenerator gen = new V3TBSCertificateGenerator();
        gen.setSerialNumber(new ASN1Integer(serial));
        gen.setSignature(signature);
        gen.setIssuer(issuer);
        gen.setStartDate(new Time(Date.from(notBefore)));
        gen.setEndDate(new Time(Date.from(notAfter)));
        gen.setSubject(subject);
        gen.setSubjectPublicKeyInfo(key);
        gen.setExtensions(ext.generate());
        return gen.generateTBSCertificate();
    }

}
