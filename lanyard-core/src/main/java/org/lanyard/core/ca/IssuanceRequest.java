package org.lanyard.core.ca;

import java.util.Map;
import org.lanyard.core.Actor;

/**
 * An approved request to issue under a profile. {@code variables} fill the profile's subject
 * template in addition to the attributes of the CSR's subject.
 */
public record IssuanceRequest(String profileId, ParsedCsr csr, Map<String, String> variables, Actor requestedBy) {

    public IssuanceRequest {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }
}
