package org.lanyard.core.ca;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;

/**
 * A subject DN with {@code ${variables}}, e.g. {@code CN=${cn},OU=${department},O=Example}.
 * Each attribute is filled separately, so a variable's value can never add attributes (a value
 * {@code x,O=Evil} stays one CN), and each value is encoded as its attribute's string type, so
 * it can never be read as DER either. Attributes whose value comes out empty are left out.
 */
public final class SubjectTemplate {

    /** The issuance rule that refuses bad subject values. */
    public static final String RULE = "subject-values";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_.-]*)}");

    private final List<String[]> attributes;

    private SubjectTemplate(List<String[]> attributes) {
        this.attributes = attributes;
    }

    /** Reads a template; fixed values are checked as {@link #fill} checks filled ones. */
    public static SubjectTemplate parse(String template) {
        List<String[]> attributes = new ArrayList<>();
        if (template == null || template.isBlank()) {
            return new SubjectTemplate(attributes);
        }
        for (String part : splitUnescaped(template)) {
            int eq = part.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("subject template part '" + part + "' is not TYPE=value");
            }
            String type = part.substring(0, eq).trim();
            String value = unescape(part.substring(eq + 1).trim());
            if (!VARIABLE.matcher(value).find() && !value.isEmpty()) {
                DnAttributes.problem(oid(type), value).ifPresent(problem -> {
                    throw new IllegalArgumentException(problem);
                });
            }
            oid(type);
            attributes.add(new String[] {type, value});
        }
        return new SubjectTemplate(attributes);
    }

    /** Variables the template needs. */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        for (String[] attribute : attributes) {
            Matcher m = VARIABLE.matcher(attribute[1]);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * Fills the template; every variable must be in {@code values} (see {@link #variables()}).
     * Each value is built as its attribute's string type ({@link DnAttributes}), never parsed
     * from text. Refuses with {@code subject-values} (a policy refusal) when a value is too long,
     * holds control characters or does not fit its type, so it never fails with anything untyped.
     */
    public X500Name fill(Map<String, String> values) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        for (String[] attribute : attributes) {
            String text = substitute(attribute[1], values);
            if (!text.isEmpty()) {
                ASN1ObjectIdentifier type = oid(attribute[0]);
                builder.addRDN(type, DnAttributes.encode(type, text));
            }
        }
        return builder.build();
    }

    /** Why {@link #fill} would refuse these values, or empty when it would not. */
    public Optional<String> problem(Map<String, String> values) {
        for (String[] attribute : attributes) {
            String text = substitute(attribute[1], values);
            if (!text.isEmpty()) {
                Optional<String> problem = DnAttributes.problem(oid(attribute[0]), text);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The variables a CSR subject offers: lower-case attribute names ({@code cn}, {@code o}, …)
     * with the text of their string values. Values that are not strings are left out.
     */
    public static Map<String, String> variablesOf(X500Name subject) {
        Map<String, String> values = new HashMap<>();
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                String name = BCStyle.INSTANCE.oidToDisplayName(atv.getType());
                if (name != null && atv.getValue() instanceof ASN1String string) {
                    values.putIfAbsent(name.toLowerCase(Locale.ROOT), string.getString());
                }
            }
        }
        return values;
    }

    static LanyardException refused(String reason) {
        return new LanyardException(ErrorKind.POLICY_REFUSED, RULE, "refused by rule " + RULE + ": " + reason,
                Map.of("rule", RULE, "violations", List.of(Map.of("rule", RULE, "reason", reason))));
    }

    private static String substitute(String template, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder value = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new LanyardException(ErrorKind.POLICY_REFUSED, "subject-variables",
                        "the subject needs ${" + m.group(1) + "}, and the request does not give it",
                        Map.of("rule", "subject-variables"));
            }
            m.appendReplacement(value, Matcher.quoteReplacement(v));
        }
        m.appendTail(value);
        return value.toString().trim();
    }

    private static ASN1ObjectIdentifier oid(String type) {
        try {
            return BCStyle.INSTANCE.attrNameToOID(type);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown attribute type '" + type + "' in subject template");
        }
    }

    private static List<String> splitUnescaped(String template) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                current.append(c).append(template.charAt(++i));
            } else if (c == ',') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unescape(String value) {
        return value.replaceAll("\\\\(.)", "$1");
    }
}
