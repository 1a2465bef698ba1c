package org.lanyard.core.ca.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;

import org.lanyard.core.ca.Certificates;
import org.lanyard.core.ca.CertificateProfile;
import org.lanyard.core.ca.ExtendedKeyUsage;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.KeyUsageBit;
import org.lanyard.core.ca.PublicationUrls;
import org.lanyard.core.ca.SubjectAltName;
import org.lanyard.core.ca.SubjectAltNames;

/**
 * {@code Certificates.leaf} as it was before the modifiers (commit before ADR 0016), kept verbatim
 * as the reference the modifier pipeline must match byte for byte (ProfileContentTest).
 */
final class LegacyLeaf {

    private LegacyLeaf() {
    }

    /** An end-entity certificate under {@code profile}, signed later by {@code issuer}'s key. */
    public static TBSCertificate leaf(BigInteger serial, Issuer issuer, KeyAlgorithm issuerKey, X500Name subject,
            SubjectPublicKeyInfo subjectKey, List<SubjectAltName> sans, CertificateProfile profile, Instant notBefore,
            Instant notAfter) {
        return leaf(serial, issuer, issuerKey, subject, subjectKey, sans, profile, notBefore, notAfter,
                PublicationUrls.Urls.NONE);
    }

    /**
     * As above, with the issuer's publication URLs for what the profile leaves open. A delegated
     * OCSP responder certificate (EKU OCSPSigning) gets id-pkix-ocsp-nocheck and no revocation
     * pointers: relying parties do not check it (RFC 6960 §4.2.2.2.1).
     */
    public static TBSCertificate leaf(BigInteger serial, Issuer issuer, KeyAlgorithm issuerKey, X500Name subject,
            SubjectPublicKeyInfo subjectKey, List<SubjectAltName> sans, CertificateProfile profile, Instant notBefore,
            Instant notAfter, PublicationUrls.Urls urls) {
        boolean responder = profile.extendedKeyUsage().contains(ExtendedKeyUsage.OCSPSigning);
        PublicationUrls.Urls published = responder ? PublicationUrls.Urls.NONE : urls;
        try {
            ExtensionsGenerator ext = new ExtensionsGenerator();
            ext.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            int usage = keyUsageFor(profile.keyUsage(), KeyAlgorithm.of(subjectKey).orElse(null));
            if (usage != 0) {
                ext.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            }
            if (!profile.extendedKeyUsage().isEmpty()) {
                ext.addExtension(Extension.extendedKeyUsage, false, new org.bouncycastle.asn1.x509.ExtendedKeyUsage(profile.extendedKeyUsage()
                        .stream().map(e -> KeyPurposeId.getInstance(e.oid())).toArray(KeyPurposeId[]::new)));
            }
            if (!sans.isEmpty()) {
                ext.addExtension(Extension.subjectAlternativeName, subject.getRDNs().length == 0,
                        SubjectAltNames.write(sans));
            }
            ext.addExtension(Extension.subjectKeyIdentifier, false, Certificates.keyId(subjectKey));
            ext.addExtension(Extension.authorityKeyIdentifier, false, Certificates.authorityKeyId(issuer.certificate()));
            List<String> crlUrls = crlUrls(profile, published);
            if (!crlUrls.isEmpty()) {
                DistributionPoint[] points = crlUrls.stream()
                        .map(url -> new DistributionPoint(new DistributionPointName(new GeneralNames(
                                new GeneralName(GeneralName.uniformResourceIdentifier, url))), null, null))
                        .toArray(DistributionPoint[]::new);
                ext.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(points));
            }
            List<AccessDescription> access = new ArrayList<>();
            String ocsp = either(profile.ocspUrl(), published.ocspUrl());
            if (ocsp != null) {
                access.add(new AccessDescription(AccessDescription.id_ad_ocsp,
                        new GeneralName(GeneralName.uniformResourceIdentifier, ocsp)));
            }
            String caIssuers = either(profile.caIssuersUrl(), published.caIssuersUrl());
            if (caIssuers != null) {
                access.add(new AccessDescription(AccessDescription.id_ad_caIssuers,
                        new GeneralName(GeneralName.uniformResourceIdentifier, caIssuers)));
            }
            if (!access.isEmpty()) {
                ext.addExtension(Extension.authorityInfoAccess, false,
                        new AuthorityInformationAccess(access.toArray(AccessDescription[]::new)));
            }
            if (responder) {
                ext.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
            }
            return tbs(serial, X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                    subject, subjectKey, notBefore, notAfter, Certificates.signatureAlgorithm(issuerKey), ext);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The profile's CRL URLs ({@code ${shard}} filled in), else the issuer's shard URL. */
    private static List<String> crlUrls(CertificateProfile profile, PublicationUrls.Urls urls) {
        if (!profile.crlDistributionPoints().isEmpty()) {
            return profile.crlDistributionPoints().stream()
                    .map(url -> urls.shard() >= 0 ? url.replace("${shard}", Integer.toString(urls.shard())) : url)
                    .toList();
        }
        return urls.crlUrl() == null || urls.crlUrl().isBlank() ? List.of() : List.of(urls.crlUrl());
    }

    private static String either(String preferred, String fallback) {
        if (preferred != null && !preferred.isBlank()) {
            return preferred;
        }
        return fallback == null || fallback.isBlank() ? null : fallback;
    }

    static int keyUsageFor(Set<KeyUsageBit> bits, KeyAlgorithm key) {
        boolean ec = key != null && key.family().equals("EC");
        int usage = 0;
        for (KeyUsageBit bit : bits) {
            boolean fits = switch (bit) {
                case keyEncipherment, dataEncipherment -> !ec;
                case keyAgreement -> ec;
                default -> true;
            };
            if (fits) {
                usage |= bit.mask();
            }
        }
        return usage;
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
