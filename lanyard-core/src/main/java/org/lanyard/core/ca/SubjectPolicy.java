package org.lanyard.core.ca;

import java.util.List;
import java.util.Set;

/**
 * The names a certificate under a profile carries: the subject DN template and the rules for
 * subject alternative names, which {@link IssuanceRules} check rule by rule.
 *
 * @param template        RFC 4514 DN with {@code ${variables}}, e.g. {@code CN=${cn},O=Example}; empty for no subject
 * @param allowedSanTypes SAN types a request may carry
 * @param allowedDnsNames DNS name patterns: {@code *} for any, {@code example.com} exactly, {@code *.example.com} for any subdomain
 * @param sanRequired     at least one SAN must be present
 * @param maxSans         upper bound on the number of SANs
 */
public record SubjectPolicy(String template, Set<SanType> allowedSanTypes, List<String> allowedDnsNames,
        boolean sanRequired, int maxSans) {

    public SubjectPolicy {
        template = template == null ? "" : template;
        allowedSanTypes = Set.copyOf(allowedSanTypes);
        allowedDnsNames = List.copyOf(allowedDnsNames);
    }
}
