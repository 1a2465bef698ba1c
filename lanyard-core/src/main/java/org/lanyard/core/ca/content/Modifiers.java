package org.lanyard.core.ca.content;

import static org.lanyard.core.ca.content.CertificateModifier.named;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.lanyard.core.ca.Certificates;
import org.lanyard.core.ca.ExtendedKeyUsage;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.KeyUsagePolicy;
import org.lanyard.core.ca.SubjectAltNames;

/**
 * The named modifiers, one extension each. Each takes only the part of the profile it writes, so a
 * test can build any one of them alone (ModifiersTest). Extensions a modifier has nothing to say
 * for (no SANs, no URLs, no usage bits that fit the key) are left out, never written empty.
 */
public final class Modifiers {

    private Modifiers() {
    }

    /** basicConstraints CA=false, critical: every profile issues end-entity certificates. */
    public static CertificateModifier endEntityBasicConstraints() {
        return named("basic-constraints", tbs -> tbs.extension(Extension.basicConstraints, true,
                new BasicConstraints(false)));
    }

    /** keyUsage, critical: the profile's bits that fit the subject key ({@link KeyUsagePolicy#bitsFor}). */
    public static CertificateModifier keyUsage(KeyUsagePolicy usage) {
        return named("key-usage", tbs -> {
            int bits = usage.bitsFor(KeyAlgorithm.of(tbs.subjectKey()).orElse(null));
            if (bits != 0) {
                tbs.extension(Extension.keyUsage, true, new KeyUsage(bits));
            }
        });
    }

    /** extendedKeyUsage, not critical, in the profile's order. */
    public static CertificateModifier extendedKeyUsage(List<ExtendedKeyUsage> purposes) {
        List<ExtendedKeyUsage> copy = List.copyOf(purposes);
        return named("extended-key-usage", tbs -> {
            if (!copy.isEmpty()) {
                tbs.extension(Extension.extendedKeyUsage, false, new org.bouncycastle.asn1.x509.ExtendedKeyUsage(
                        copy.stream().map(e -> KeyPurposeId.getInstance(e.oid())).toArray(KeyPurposeId[]::new)));
            }
        });
    }

    /** subjectAltName from the request's (checked) SANs; critical when the subject is empty (RFC 5280 §4.2.1.6). */
    public static CertificateModifier subjectAltNames() {
        return named("subject-alt-names", tbs -> {
            if (!tbs.subjectAltNames().isEmpty()) {
                tbs.extension(Extension.subjectAlternativeName, tbs.subject().getRDNs().length == 0,
                        SubjectAltNames.write(tbs.subjectAltNames()));
            }
        });
    }

    /** subjectKeyIdentifier: the SHA-1 of the subject key (RFC 5280 §4.2.1.2, method 1). */
    public static CertificateModifier subjectKeyIdentifier() {
        return named("subject-key-identifier", tbs -> tbs.extension(Extension.subjectKeyIdentifier, false,
                Certificates.keyId(tbs.subjectKey())));
    }

    /** authorityKeyIdentifier: the issuer's subject key identifier. */
    public static CertificateModifier authorityKeyIdentifier() {
        return named("authority-key-identifier", tbs -> tbs.extension(Extension.authorityKeyIdentifier, false,
                Certificates.authorityKeyId(tbs.issuer())));
    }

    /** cRLDistributionPoints, one full-name URI per URL; nothing when there is no URL. */
    public static CertificateModifier crlDistributionPoints(List<String> urls) {
        List<String> copy = List.copyOf(urls);
        return named("crl-distribution-points", tbs -> {
            if (!copy.isEmpty()) {
                DistributionPoint[] points = copy.stream()
                        .map(url -> new DistributionPoint(new DistributionPointName(new GeneralNames(
                                new GeneralName(GeneralName.uniformResourceIdentifier, url))), null, null))
                        .toArray(DistributionPoint[]::new);
                tbs.extension(Extension.cRLDistributionPoints, false, new CRLDistPoint(points));
            }
        });
    }

    /** authorityInfoAccess: OCSP first, then caIssuers; null or absent URLs are left out. */
    public static CertificateModifier authorityInformationAccess(String ocspUrl, String caIssuersUrl) {
        return named("authority-information-access", tbs -> {
            List<AccessDescription> access = new ArrayList<>();
            if (ocspUrl != null) {
                access.add(new AccessDescription(AccessDescription.id_ad_ocsp,
                        new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
            }
            if (caIssuersUrl != null) {
                access.add(new AccessDescription(AccessDescription.id_ad_caIssuers,
                        new GeneralName(GeneralName.uniformResourceIdentifier, caIssuersUrl)));
            }
            if (!access.isEmpty()) {
                tbs.extension(Extension.authorityInfoAccess, false,
                        new AuthorityInformationAccess(access.toArray(AccessDescription[]::new)));
            }
        });
    }

    /** id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1), NULL value, for delegated OCSP responders. */
    public static CertificateModifier ocspNoCheck() {
        return named("ocsp-no-check", tbs -> tbs.extension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false,
                DERNull.INSTANCE));
    }
}
