package org.lanyard.core.ca.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.lanyard.core.ca.SubjectAltName;

/**
 * A to-be-signed certificate under construction: the fields the CA fixes (serial, issuer,
 * signature algorithm, subject, key, validity), the request's SANs that modifiers read, and the
 * extensions the {@link CertificateModifier}s add. {@link #build} encodes exactly what is here;
 * the lint then checks those bytes and nothing else is signed (docs/flows/issuance.md step 4).
 */
public final class TbsBuilder {

    private final BigInteger serial;
    private final X509Certificate issuer;
    private final AlgorithmIdentifier signature;
    private final X500Name subject;
    private final SubjectPublicKeyInfo subjectKey;
    private final List<SubjectAltName> subjectAltNames;
    private final Instant notBefore;
    private final Instant notAfter;
    private final Map<ASN1ObjectIdentifier, Extension> extensions = new LinkedHashMap<>();

    /**
     * @param issuer    the issuing CA's certificate: its subject becomes the issuer name
     * @param signature the algorithm the issuer's key signs with
     */
    public TbsBuilder(BigInteger serial, X509Certificate issuer, AlgorithmIdentifier signature, X500Name subject,
            SubjectPublicKeyInfo subjectKey, List<SubjectAltName> subjectAltNames, Instant notBefore,
            Instant notAfter) {
        this.serial = serial;
        this.issuer = issuer;
        this.signature = signature;
        this.subject = subject;
        this.subjectKey = subjectKey;
        this.subjectAltNames = List.copyOf(subjectAltNames);
        this.notBefore = notBefore;
        this.notAfter = notAfter;
    }

    public X509Certificate issuer() {
        return issuer;
    }

    public X500Name subject() {
        return subject;
    }

    public SubjectPublicKeyInfo subjectKey() {
        return subjectKey;
    }

    public List<SubjectAltName> subjectAltNames() {
        return subjectAltNames;
    }

    /**
     * Adds an extension. Each extension appears once: a second modifier writing the same OID is a
     * programming error, not a silent overwrite.
     */
    public TbsBuilder extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        if (extensions.containsKey(oid)) {
            throw new IllegalStateException("extension " + oid + " is already set");
        }
        try {
            extensions.put(oid, new Extension(oid, critical, value.toASN1Primitive().getEncoded("DER")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Runs {@code modifiers} in order. */
    public TbsBuilder apply(List<CertificateModifier> modifiers) {
        for (CertificateModifier modifier : modifiers) {
            modifier.modify(this);
        }
        return this;
    }

    public TBSCertificate build() {
        V3TBSCertificateGenerator gen = new V3TBSCertificateGenerator();
        gen.setSerialNumber(new ASN1Integer(serial));
        gen.setSignature(signature);
        gen.setIssuer(X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()));
        gen.setStartDate(new Time(Date.from(notBefore)));
        gen.setEndDate(new Time(Date.from(notAfter)));
        gen.setSubject(subject);
        gen.setSubjectPublicKeyInfo(subjectKey);
        if (!extensions.isEmpty()) {
            ExtensionsGenerator ext = new ExtensionsGenerator();
            extensions.values().forEach(ext::addExtension);
            gen.setExtensions(ext.generate());
        }
        return gen.generateTBSCertificate();
    }
}
