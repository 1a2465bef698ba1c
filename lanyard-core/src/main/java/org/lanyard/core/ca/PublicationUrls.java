package org.lanyard.core.ca;

import java.math.BigInteger;

/**
 * Where relying parties find an issuer's revocation information and certificate, as written into
 * each certificate it issues (CRL distribution point of the certificate's CRL shard, AIA OCSP and
 * caIssuers). A profile that names its own URLs keeps them; {@code ${shard}} in a profile's CRL
 * URL is replaced by the certificate's shard (docs/adr/0007-crl-shards.md).
 */
@FunctionalInterface
public interface PublicationUrls {

    /** Writes nothing beyond what profiles say. */
    PublicationUrls NONE = (issuerId, serial) -> Urls.NONE;

    Urls of(String issuerId, BigInteger serial);

    /**
     * @param crlUrl      the CRL distribution point of the certificate's shard; null for none
     * @param ocspUrl     AIA id-ad-ocsp; null for none
     * @param caIssuersUrl AIA id-ad-caIssuers; null for none
     * @param shard       the certificate's CRL shard, or -1 when the issuer publishes no CRL
     */
    record Urls(String crlUrl, String ocspUrl, String caIssuersUrl, int shard) {

        public static final Urls NONE = new Urls(null, null, null, -1);
    }
}
