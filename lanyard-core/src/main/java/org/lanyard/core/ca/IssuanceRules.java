package org.lanyard.core.ca;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The issuance rules, each named. Table tests in {@code IssuanceRulesTest} name a case per rule.
 */
public final class IssuanceRules {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    /** rfc822Name is an IA5String: printable ASCII only (RFC 5280 §4.2.1.6). */
    private static final Pattern EMAIL = Pattern.compile("[\\x21-\\x3f\\x41-\\x7e]{1,64}@[\\x21-\\x3f\\x41-\\x7e]{1,255}");
    /** A UPN is a UTF8String, so it may hold any letters. */
    private static final Pattern UPN = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");
    /** An issuer must still be valid this long, or nothing sensible can be issued from it. */
    static final Duration MIN_ISSUER_REMAINING = Duration.ofHours(1);

    private IssuanceRules() {
    }

    public static List<IssuanceRule> all() {
        return List.of(
                new IssuanceRule("key-algorithm-allowed", IssuanceRules::keyAlgorithmAllowed),
                new IssuanceRule("key-usage-compatible", IssuanceRules::keyUsageCompatible),
                new IssuanceRule("san-required", c -> c.profile().sanRequired() && c.sans().isEmpty()
                        ? Optional.of("profile " + c.profile().id() + " requires at least one subject alternative name")
                        : Optional.empty()),
                new IssuanceRule("san-count", c -> c.sans().size() > c.profile().maxSans()
                        ? Optional.of(c.sans().size() + " subject alternative names, at most " + c.profile().maxSans()
                                + " allowed")
                        : Optional.empty()),
                new IssuanceRule("san-type-allowed", IssuanceRules::sanTypeAllowed),
                new IssuanceRule("dns-name-syntax", IssuanceRules::dnsNameSyntax),
                new IssuanceRule("dns-name-allowed", IssuanceRules::dnsNameAllowed),
                new IssuanceRule("email-syntax", c -> firstBad(c, SanType.EMAIL, v -> EMAIL.matcher(v).matches(),
                        "is not an e-mail address")),
                new IssuanceRule("upn-syntax", c -> firstBad(c, SanType.UPN, v -> UPN.matcher(v).matches(),
                        "is not a user principal name (user@domain)")),
                new IssuanceRule("uri-syntax", c -> firstBad(c, SanType.URI, IssuanceRules::validUri,
                        "is not an absolute ASCII URI")),
                new IssuanceRule("subject-variables", IssuanceRules::subjectVariables),
                new IssuanceRule(SubjectTemplate.RULE, IssuanceRules::subjectValues),
                new IssuanceRule("issuer-valid", IssuanceRules::issuerValid));
    }

    static Optional<String> keyAlgorithmAllowed(IssuanceContext c) {
        Optional<KeyAlgorithm> algorithm = KeyAlgorithm.of(c.csr().publicKey());
        if (algorithm.isEmpty()) {
            return Optional.of(KeyAlgorithm.describe(c.csr().publicKey()) + " keys are not supported");
        }
        if (!c.profile().allowedKeys().contains(algorithm.get())) {
            return Optional.of(algorithm.get().id() + " keys are not allowed by profile " + c.profile().id());
        }
        return Optional.empty();
    }

    /**
     * The certificate gets the profile's key usages that fit the key (encipherment for RSA, key
     * agreement for EC). When the profile declares usages and none fits, the certificate would
     * come out without a Key Usage extension, i.e. usable for anything: refuse instead.
     */
    static Optional<String> keyUsageCompatible(IssuanceContext c) {
        Optional<KeyAlgorithm> algorithm = KeyAlgorithm.of(c.csr().publicKey());
        if (c.profile().keyUsage().isEmpty() || algorithm.isEmpty()
                || c.profile().usage().bitsFor(algorithm.get()) != 0) {
            return Optional.empty();
        }
        return Optional.of("none of the key usages of profile " + c.profile().id() + " "
                + new java.util.TreeSet<>(c.profile().keyUsage()) + " fits a " + algorithm.get().id() + " key");
    }

    static Optional<String> sanTypeAllowed(IssuanceContext c) {
        return c.sans().stream().filter(san -> !c.profile().allowedSanTypes().contains(san.type())).findFirst()
                .map(san -> san.type() + " names are not allowed by profile " + c.profile().id() + " (" + san + ")");
    }

    static Optional<String> dnsNameSyntax(IssuanceContext c) {
        return firstBad(c, SanType.DNS, IssuanceRules::validDnsName, "is not a valid DNS name");
    }

    static Optional<String> dnsNameAllowed(IssuanceContext c) {
        return firstBad(c, SanType.DNS, name -> c.profile().allowedDnsNames().stream()
                .anyMatch(pattern -> dnsMatches(pattern, name)), "is not a DNS name profile "
                + c.profile().id() + " allows");
    }

    static Optional<String> subjectVariables(IssuanceContext c) {
        SubjectTemplate template;
        try {
            template = SubjectTemplate.parse(c.profile().subjectTemplate());
        } catch (IllegalArgumentException e) {
            return Optional.of("the profile's subject template is broken: " + e.getMessage());
        }
        var values = c.templateValues();
        return template.variables().stream().filter(v -> values.get(v) == null || values.get(v).isBlank())
                .findFirst().map(v -> "the subject needs ${" + v + "}, and the request does not give it");
    }

    /**
     * Fills the subject as issuance will: every value must be its attribute's string type within
     * the RFC 5280 upper bound, without control characters. Missing variables and broken
     * templates are left to {@code subject-variables}.
     */
    static Optional<String> subjectValues(IssuanceContext c) {
        SubjectTemplate template;
        try {
            template = SubjectTemplate.parse(c.profile().subjectTemplate());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        var values = c.templateValues();
        if (template.variables().stream().anyMatch(v -> values.get(v) == null)) {
            return Optional.empty();
        }
        return template.problem(values);
    }

    static Optional<String> issuerValid(IssuanceContext c) {
        var cert = c.issuer().certificate();
        if (c.now().isBefore(cert.getNotBefore().toInstant())) {
            return Optional.of("issuer " + c.issuer().id() + " is not valid yet");
        }
        if (c.now().plus(MIN_ISSUER_REMAINING).isAfter(cert.getNotAfter().toInstant())) {
            return Optional.of("issuer " + c.issuer().id() + " has expired or expires within the hour");
        }
        return Optional.empty();
    }

    /** LDH labels, at most 253 characters, optionally a leading {@code *.} wildcard label. */
    public static boolean validDnsName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        boolean wildcard = n.startsWith("*.");
        if (wildcard) {
            n = n.substring(2);
        }
        if (n.isEmpty() || n.length() > 253 || n.endsWith(".")) {
            return false;
        }
        // single-label names (localhost, intranet hosts) are valid in a private PKI; which names a
        // profile accepts is the job of its allowedDnsNames. A wildcard needs two labels below it.
        String[] labels = n.split("\\.", -1);
        if (wildcard && labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // a name whose last label is all digits is an IP address in disguise
        return !labels[labels.length - 1].matches("[0-9]+");
    }

    /** uniformResourceIdentifier is an IA5String holding an absolute URI (RFC 5280 §4.2.1.6). */
    static boolean validUri(String value) {
        if (value.isEmpty() || !value.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            return false;
        }
        try {
            return new java.net.URI(value).getScheme() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** {@code *} matches any name; {@code *.example.com} any name below example.com; else exact. */
    public static boolean dnsMatches(String pattern, String name) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String n = name.toLowerCase(Locale.ROOT);
        if (p.equals("*")) {
            return true;
        }
        if (p.startsWith("*.")) {
            return n.endsWith(p.substring(1)) && n.length() > p.length() - 1;
        }
        return p.equals(n);
    }

    private static Optional<String> firstBad(IssuanceContext c, SanType type,
            java.util.function.Predicate<String> ok, String complaint) {
        return c.sans().stream().filter(s -> s.type() == type && !ok.test(s.value())).findFirst()
                .map(s -> "'" + s.value() + "' " + complaint);
    }
}
