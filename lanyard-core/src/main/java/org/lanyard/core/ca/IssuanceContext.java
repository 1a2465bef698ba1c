package org.lanyard.core.ca;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the issuance rules look at: the profile, the issuer, the checked request, and the time. */
public record IssuanceContext(CertificateProfile profile, Issuer issuer, ParsedCsr csr, Map<String, String> variables,
        Instant now) {

    public List<SubjectAltName> sans() {
        return csr.subjectAltNames();
    }

    /**
     * Values for the subject template: the CSR subject's attributes ({@code cn}, {@code o}, …),
     * the first SAN of each type ({@code dns}, {@code email}, {@code upn}, {@code ip},
     * {@code uri}), {@code san} (the first DNS or IP name), then the request's own variables,
     * which win. {@code cn} falls back to {@code san}, {@code upn} or {@code email}.
     */
    public Map<String, String> templateValues() {
        Map<String, String> values = new HashMap<>(SubjectTemplate.variablesOf(csr.subject()));
        for (SubjectAltName san : sans()) {
            values.putIfAbsent(san.type().name().toLowerCase(java.util.Locale.ROOT), san.value());
            if (san.type() == SanType.DNS || san.type() == SanType.IP) {
                values.putIfAbsent("san", san.value());
            }
        }
        values.putAll(variables);
        for (String fallback : List.of("san", "upn", "email")) {
            if (values.containsKey(fallback)) {
                values.putIfAbsent("cn", values.get(fallback));
            }
        }
        return values;
    }
}
