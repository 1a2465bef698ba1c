package org.lanyard.core.revocation;

import java.util.List;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.ocsp.CertificateID;

/**
 * A well-formed OCSP request, as {@link OcspRequestIntake} accepted it.
 *
 * @param ids   the certificates asked about (at least one)
 * @param nonce the request's nonce extension, echoed in the response; null when absent
 */
public record OcspQuery(List<CertificateID> ids, Extension nonce) {

    public OcspQuery {
        ids = List.copyOf(ids);
    }

    /** A response to a query without nonce for one certificate can come from the cache. */
    public boolean cacheable() {
        return nonce == null && ids.size() == 1;
    }
}
