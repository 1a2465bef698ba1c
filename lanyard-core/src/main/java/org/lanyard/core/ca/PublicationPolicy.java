package org.lanyard.core.ca;

import java.util.List;

/**
 * Where relying parties find revocation status and the issuer's certificate. What a profile
 * leaves empty is filled from the issuer's defaults ({@link PublicationUrls}) per certificate.
 *
 * @param crlDistributionPoints CRL URLs, {@code ${shard}} filled with the certificate's shard; empty for the issuer's
 * @param caIssuersUrl          AIA caIssuers URL; null or blank for the issuer's
 * @param ocspUrl               AIA OCSP URL; null or blank for the issuer's
 */
public record PublicationPolicy(List<String> crlDistributionPoints, String caIssuersUrl, String ocspUrl) {

    public static final PublicationPolicy DEFAULTS = new PublicationPolicy(List.of(), null, null);

    public PublicationPolicy {
        crlDistributionPoints = List.copyOf(crlDistributionPoints);
    }

    /** The CRL URLs to write: the profile's ({@code ${shard}} filled in), else the issuer's. */
    public List<String> crlUrls(PublicationUrls.Urls issuer) {
        if (!crlDistributionPoints.isEmpty()) {
            return crlDistributionPoints.stream()
                    .map(url -> issuer.shard() >= 0 ? url.replace("${shard}", Integer.toString(issuer.shard())) : url)
                    .toList();
        }
        return issuer.crlUrl() == null || issuer.crlUrl().isBlank() ? List.of() : List.of(issuer.crlUrl());
    }

    /** The OCSP URL to write, or null. */
    public String ocsp(PublicationUrls.Urls issuer) {
        return either(ocspUrl, issuer.ocspUrl());
    }

    /** The caIssuers URL to write, or null. */
    public String caIssuers(PublicationUrls.Urls issuer) {
        return either(caIssuersUrl, issuer.caIssuersUrl());
    }

    private static String either(String preferred, String fallback) {
        if (preferred != null && !preferred.isBlank()) {
            return preferred;
        }
        return fallback == null || fallback.isBlank() ? null : fallback;
    }
}
