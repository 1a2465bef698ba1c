package org.lanyard.core.revocation;

import java.util.List;

/**
 * The current delegated OCSP signing keys, one per issuer that answers OCSP. Asked per request,
 * so a renewed responder certificate is used as soon as it is returned here.
 */
@FunctionalInterface
public interface OcspSigningKeys {

    List<OcspSigningKey> current();
}
