package org.lanyard.core.ca.lint;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;

/**
 * The pre-issuance lint: RFC 5280 and CA/Browser Forum baseline checks on the to-be-signed
 * certificate. An ERROR finding refuses issuance (DESIGN.md §5, invariant 1). Rules are in
 * {@link Rfc5280Rules} and {@link BaselineRules}.
 */
public final class CertificateLint {

    private final List<LintRule> rules;

    public CertificateLint(List<LintRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static CertificateLint standard() {
        List<LintRule> rules = new ArrayList<>(Rfc5280Rules.all());
        rules.addAll(BaselineRules.all());
        return new CertificateLint(rules);
    }

    public List<LintFinding> lint(TBSCertificate tbs, X509Certificate issuer) {
        LintSubject subject = new LintSubject(tbs, issuer);
        List<LintFinding> findings = new ArrayList<>();
        for (LintRule rule : rules) {
            try {
                rule.check().apply(subject).ifPresent(m -> findings.add(new LintFinding(rule.name(), rule.severity(), m)));
            } catch (RuntimeException e) {
                findings.add(new LintFinding(rule.name(), LintFinding.Severity.ERROR,
                        "the rule could not read the certificate: " + e));
            }
        }
        return findings;
    }

    /**
     * Lints and refuses with {@code lint-<rule>} when any error is found; otherwise returns the
     * certificate in the one form a signer accepts. {@code issuer} is null for a self-signed root.
     */
    public LintedCertificate require(TBSCertificate tbs, X509Certificate issuer) {
        List<LintFinding> errors = lint(tbs, issuer).stream().filter(LintFinding::error).toList();
        if (!errors.isEmpty()) {
            String summary = errors.stream().map(f -> f.rule() + ": " + f.message()).collect(Collectors.joining("; "));
            throw new LanyardException(ErrorKind.POLICY_REFUSED, "lint-" + errors.get(0).rule(),
                    "the certificate failed the pre-issuance lint: " + summary,
                    java.util.Map.of("rule", "lint:" + errors.get(0).rule()));
        }
        return new LintedCertificate(tbs);
    }
}
