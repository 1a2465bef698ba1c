package org.lanyard.server.web;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.CertificateProfile;
import org.lanyard.core.ca.ExtendedKeyUsage;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.KeyUsageBit;
import org.lanyard.core.ca.SanType;

/**
 * A certificate profile as JSON: key algorithms by id ({@code p256}, {@code rsa3072}),
 * validity as an ISO-8601 duration ({@code P397D}), usages by their RFC names;
 * {@code approvalsRequired} (default 0) is how many operators approve each request first.
 */
public record ProfileView(
        String id,
        String name,
        String description,
        List<String> allowedKeys,
        String validity,
        List<String> keyUsage,
        List<String> extendedKeyUsage,
        String subjectTemplate,
        List<String> allowedSanTypes,
        List<String> allowedDnsNames,
        Boolean sanRequired,
        Integer maxSans,
        List<String> crlDistributionPoints,
        String caIssuersUrl,
        String ocspUrl,
        Boolean serverKeyGeneration,
        String issuer,
        Integer approvalsRequired) {

    static ProfileView of(CertificateProfile p) {
        return new ProfileView(p.id(), p.name(), p.description(),
                p.allowedKeys().stream().sorted().map(KeyAlgorithm::id).toList(), p.validity().toString(),
                p.keyUsage().stream().sorted().map(Enum::name).toList(),
                p.extendedKeyUsage().stream().map(Enum::name).toList(), p.subjectTemplate(),
                p.allowedSanTypes().stream().sorted().map(Enum::name).toList(), p.allowedDnsNames(), p.sanRequired(),
                p.maxSans(), p.crlDistributionPoints(), p.caIssuersUrl(), p.ocspUrl(), p.serverKeyGeneration(),
                p.issuerId(), p.approvalsRequired());
    }

    CertificateProfile toProfile(String pathId) {
        if (id != null && !id.equals(pathId)) {
            throw LanyardException.invalid("profile-invalid", "the body's id differs from the path's");
        }
        try {
            return new CertificateProfile(pathId, name, description,
                    set(allowedKeys, KeyAlgorithm::fromId),
                    validity == null ? null : Duration.parse(validity),
                    set(keyUsage, KeyUsageBit::valueOf),
                    list(extendedKeyUsage).stream().map(ExtendedKeyUsage::valueOf).toList(),
                    subjectTemplate,
                    set(allowedSanTypes, s -> SanType.valueOf(s.toUpperCase(Locale.ROOT))),
                    allowedDnsNames == null ? List.of("*") : allowedDnsNames,
                    Boolean.TRUE.equals(sanRequired),
                    maxSans == null ? 100 : maxSans,
                    list(crlDistributionPoints), caIssuersUrl, ocspUrl, Boolean.TRUE.equals(serverKeyGeneration), issuer,
                    approvalsRequired == null ? 0 : approvalsRequired);
        } catch (DateTimeParseException e) {
            throw LanyardException.invalid("profile-invalid", "validity must be an ISO-8601 duration such as P397D");
        } catch (IllegalArgumentException | NullPointerException e) {
            throw LanyardException.invalid("profile-invalid", "unknown or missing value: " + e.getMessage());
        }
    }

    private static <T> Set<T> set(List<String> values, java.util.function.Function<String, T> parse) {
        return list(values).stream().map(parse).collect(Collectors.toSet());
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }
}
