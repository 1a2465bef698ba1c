package org.lanyard.core.ca;

import java.util.Map;
import org.lanyard.core.Actor;

/**
 * An approved request to issue under a profile. {@code variables} fill the profile's subject
 * template in addition to the attributes of the CSR's subject.
 *
 * @param issuerId the issuer that signs instead of the profile's; null for the profile's. Only the
 *                 CA's own requests set it (an issuer's delegated OCSP responder certificate).
 */
public record IssuanceRequest(String profileId, ParsedCsr csr, Map<String, String> variables, Actor requestedBy,
        String issuerId) {

    public IssuanceRequest {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }

    public IssuanceRequest(String profileId, ParsedCsr csr, Map<String, String> variables, Actor requestedBy) {
        this(profileId, csr, variables, requestedBy, null);
    }
}
