package org.lanyard.core.ca;

/**
 * The extensions a profile implies beyond names, keys and URLs. Every profile issues end-entity
 * certificates (basicConstraints CA=false, critical); nothing here is stored or part of the
 * profile JSON today, so it is derived from the key usages ({@link CertificateProfile#extensions()}).
 *
 * @param ocspNoCheck        write id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1): relying parties do not
 *                           check a delegated OCSP responder's own status
 * @param issuerPublication  fill what the profile's {@link PublicationPolicy} leaves empty from the
 *                           issuer's CRL / OCSP / caIssuers URLs; false for an OCSP responder, whose
 *                           status nobody asks for (only URLs the profile names itself are written)
 */
public record ExtensionsPolicy(boolean ocspNoCheck, boolean issuerPublication) {

    /** What {@code usage} implies: a responder gets nocheck and no issuer revocation pointers. */
    public static ExtensionsPolicy of(KeyUsagePolicy usage) {
        boolean responder = usage.ocspResponder();
        return new ExtensionsPolicy(responder, !responder);
    }
}
