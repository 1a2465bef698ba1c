package org.lanyard.core.ca;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the issuance rules look at: the profile, the issuer, the checked request, and the time. */
public record IssuanceContext(CertificateProfile profile, Issuer issuer, ParsedCsr csr, Map<String, String> variables,
        Instant now) {

    /**
     * Template variables that only the CSR's subject alternative names may give: the rules
     * check those names (allowedDnsNames, syntax), so a value from anywhere else would put an
     * unchecked name into the subject, e.g. {@code CN=${san}} outside the allowed domains.
     */
    public static final Set<String> SAN_VARIABLES = Stream.concat(Stream.of("san"),
            Stream.of(SanType.values()).map(t -> t.name().toLowerCase(Locale.ROOT))).collect(Collectors.toUnmodifiableSet());

    public List<SubjectAltName> sans() {
        return csr.subjectAltNames();
    }

    /**
     * Values for the subject template: the CSR subject's attributes ({@code cn}, {@code o}, …),
     * then the request's own variables, which win over those; then, from the SANs only, the
     * first SAN of each type ({@code dns}, {@code email}, {@code upn}, {@code ip}, {@code uri})
     * and {@code san} (the first DNS or IP name), which nothing else can set
     * ({@link #SAN_VARIABLES}). {@code cn} falls back to {@code san}, {@code upn} or {@code email}.
     */
    public Map<String, String> templateValues() {
        Map<String, String> values = new HashMap<>(SubjectTemplate.variablesOf(csr.subject()));
        values.putAll(variables);
        values.keySet().removeAll(SAN_VARIABLES);
        for (SubjectAltName san : sans()) {
            values.putIfAbsent(san.type().name().toLowerCase(Locale.ROOT), san.value());
            if (san.type() == SanType.DNS || san.type() == SanType.IP) {
                values.putIfAbsent("san", san.value());
            }
        }
        for (String fallback : List.of("san", "upn", "email")) {
            if (values.containsKey(fallback)) {
                values.putIfAbsent("cn", values.get(fallback));
            }
        }
        return values;
    }
}
