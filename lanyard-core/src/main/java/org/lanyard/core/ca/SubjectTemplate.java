package org.lanyard.core.ca;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * A subject DN with {@code ${variables}}, e.g. {@code CN=${cn},OU=${department},O=Example}.
 * Each attribute is filled separately, so a variable's value can never add attributes (a value
 * {@code x,O=Evil} stays one CN). Attributes whose value comes out empty are left out.
 */
public final class SubjectTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_.-]*)}");

    private final List<String[]> attributes;

    private SubjectTemplate(List<String[]> attributes) {
        this.attributes = attributes;
    }

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
            oid(type);
            attributes.add(new String[] {type, unescape(part.substring(eq + 1).trim())});
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

    /** Fills the template; every variable must be in {@code values} (see {@link #variables()}). */
    public X500Name fill(Map<String, String> values) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        for (String[] attribute : attributes) {
            Matcher m = VARIABLE.matcher(attribute[1]);
            StringBuilder value = new StringBuilder();
            while (m.find()) {
                String v = values.get(m.group(1));
                if (v == null) {
                    throw new IllegalArgumentException("variable ${" + m.group(1) + "} has no value");
                }
                m.appendReplacement(value, Matcher.quoteReplacement(v));
            }
            m.appendTail(value);
            String text = value.toString().trim();
            if (!text.isEmpty()) {
                builder.addRDN(oid(attribute[0]), text);
            }
        }
        return builder.build();
    }

    /** The variables a CSR subject offers: lower-case attribute names ({@code cn}, {@code o}, …). */
    public static Map<String, String> variablesOf(X500Name subject) {
        Map<String, String> values = new HashMap<>();
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                String name = BCStyle.INSTANCE.oidToDisplayName(atv.getType());
                if (name != null) {
                    values.putIfAbsent(name.toLowerCase(Locale.ROOT), IETFUtils.valueToString(atv.getValue()));
                }
            }
        }
        return values;
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
