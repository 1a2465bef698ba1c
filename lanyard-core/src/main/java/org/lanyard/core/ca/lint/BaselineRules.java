package org.lanyard.core.ca.lint;

import static org.lanyard.core.ca.lint.LintFinding.Severity.ERROR;
import static org.lanyard.core.ca.lint.Rfc5280Rules.none;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.lanyard.core.ca.IssuanceRules;
import org.lanyard.core.ca.SanType;
import org.lanyard.core.ca.SubjectAltName;
import org.lanyard.core.ca.SubjectAltNames;

/**
 * CA/Browser Forum Baseline Requirements essentials for TLS server certificates (those with the
 * serverAuth EKU): validity at most 398 days, only DNS and IP names, every DNS name valid, the
 * common name one of the SANs, no anyExtendedKeyUsage, and no cA in leaves.
 */
final class BaselineRules {

    static final Duration MAX_TLS_VALIDITY = Duration.ofDays(398);

    private BaselineRules() {
    }

    static List<LintRule> all() {
        return List.of(
                new LintRule("tls-validity-398-days", ERROR, s -> !serverAuth(s) ? none()
                        : Duration.between(s.tbs().getStartDate().getDate().toInstant(),
                                s.tbs().getEndDate().getDate().toInstant()).compareTo(MAX_TLS_VALIDITY) > 0
                                ? Optional.of("a TLS server certificate may be valid for at most 398 days") : none()),
                new LintRule("tls-san-present", ERROR, s -> !serverAuth(s) || !sans(s).isEmpty() ? none()
                        : Optional.of("a TLS server certificate needs subject alternative names")),
                new LintRule("tls-san-dns-or-ip", ERROR, s -> !serverAuth(s) ? none()
                        : sans(s).stream().filter(n -> n.type() != SanType.DNS && n.type() != SanType.IP).findFirst()
                                .map(n -> "a TLS server certificate may only name DNS names and IP addresses, not " + n)),
                new LintRule("dns-name-valid", ERROR, s -> sans(s).stream()
                        .filter(n -> n.type() == SanType.DNS && !IssuanceRules.validDnsName(n.value())).findFirst()
                        .map(n -> "'" + n.value() + "' is not a valid DNS name")),
                new LintRule("tls-cn-in-san", ERROR, BaselineRules::commonNameInSan),
                new LintRule("tls-no-any-eku", ERROR, s -> !serverAuth(s) ? none()
                        : ekus(s).contains(KeyPurposeId.anyExtendedKeyUsage)
                                ? Optional.of("a TLS server certificate must not have anyExtendedKeyUsage") : none()),
                new LintRule("leaf-not-ca", ERROR, s -> {
                    Extension bc = s.extension(Extension.basicConstraints);
                    boolean ca = bc != null && BasicConstraints.getInstance(bc.getParsedValue()).isCA();
                    return ca && !ekus(s).isEmpty() ? Optional.of("a certificate with extended key usages must not be a CA")
                            : none();
                }));
    }

    private static boolean serverAuth(LintSubject s) {
        return ekus(s).contains(KeyPurposeId.id_kp_serverAuth);
    }

    private static List<KeyPurposeId> ekus(LintSubject s) {
        Extension eku = s.extension(Extension.extendedKeyUsage);
        return eku == null ? List.of() : List.of(ExtendedKeyUsage.getInstance(eku.getParsedValue()).getUsages());
    }

    private static List<SubjectAltName> sans(LintSubject s) {
        Extension san = s.extension(Extension.subjectAlternativeName);
        return san == null ? List.of() : SubjectAltNames.read(GeneralNames.getInstance(san.getParsedValue()));
    }

    private static Optional<String> commonNameInSan(LintSubject s) {
        if (!serverAuth(s)) {
            return none();
        }
        List<String> names = new ArrayList<>();
        sans(s).forEach(n -> names.add(n.value().toLowerCase(java.util.Locale.ROOT)));
        for (var rdn : s.tbs().getSubject().getRDNs(BCStyle.CN)) {
            String cn = IETFUtils.valueToString(rdn.getFirst().getValue()).toLowerCase(java.util.Locale.ROOT);
            if (!names.contains(cn)) {
                return Optional.of("the common name '" + cn + "' is not one of the subject alternative names");
            }
        }
        return none();
    }
}
