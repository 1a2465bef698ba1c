package org.lanyard.core.ca;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * How each attribute of a distinguished name is encoded and how long it may be. Values are built
 * here as the string type RFC 5280 asks for, never parsed from text: BouncyCastle's text parser
 * reads a value starting with {@code #} as hex DER, so {@code #3003020101} would become a SEQUENCE.
 * Upper bounds are RFC 5280 Appendix A, counted in characters; attributes without one there are
 * held to {@link #DEFAULT_BOUND} (ub-match).
 */
public final class DnAttributes {

    static final int DEFAULT_BOUND = 128;
    private static final Map<ASN1ObjectIdentifier, Integer> BOUNDS = Map.ofEntries(
            Map.entry(BCStyle.CN, 64), Map.entry(BCStyle.O, 64), Map.entry(BCStyle.OU, 64),
            Map.entry(BCStyle.L, 128), Map.entry(BCStyle.ST, 128), Map.entry(BCStyle.C, 2),
            Map.entry(BCStyle.SERIALNUMBER, 64), Map.entry(BCStyle.EmailAddress, 255), Map.entry(BCStyle.T, 64),
            Map.entry(BCStyle.PSEUDONYM, 128), Map.entry(BCStyle.DC, 63));
    /** PrintableString by RFC 5280: countryName, serialNumber, dnQualifier. */
    private static final Set<ASN1ObjectIdentifier> PRINTABLE = Set.of(BCStyle.C, BCStyle.SERIALNUMBER,
            BCStyle.DN_QUALIFIER);
    /** IA5String by RFC 5280: emailAddress (legacy) and domainComponent. */
    private static final Set<ASN1ObjectIdentifier> IA5 = Set.of(BCStyle.EmailAddress, BCStyle.DC);

    private DnAttributes() {
    }

    public static int bound(ASN1ObjectIdentifier type) {
        return BOUNDS.getOrDefault(type, DEFAULT_BOUND);
    }

    /** What is wrong with {@code text} as a value of {@code type}, or empty when it can be encoded. */
    public static Optional<String> problem(ASN1ObjectIdentifier type, String text) {
        Optional<String> basic = lengthAndCharacters(type, text);
        if (basic.isPresent()) {
            return basic;
        }
        if (type.equals(BCStyle.C) && !text.matches("[A-Z]{2}")) {
            return Optional.of(name(type) + " '" + text + "' is not two upper-case letters (ISO 3166)");
        }
        if (PRINTABLE.contains(type) && !ASN1PrintableString.isPrintableString(text)) {
            return Optional.of(name(type) + " may only hold PrintableString characters (letters, digits, "
                    + "space and '()+,-./:=?)");
        }
        if (IA5.contains(type) && !text.chars().allMatch(ch -> ch < 0x80)) {
            return Optional.of(name(type) + " may only hold ASCII characters");
        }
        return Optional.empty();
    }

    /** The value as its string type; refuses with {@code subject-values} what {@link #problem} names. */
    public static ASN1Encodable encode(ASN1ObjectIdentifier type, String text) {
        problem(type, text).ifPresent(reason -> {
            throw SubjectTemplate.refused(reason);
        });
        if (PRINTABLE.contains(type)) {
            return new DERPrintableString(text);
        }
        return IA5.contains(type) ? new DERIA5String(text) : new DERUTF8String(text);
    }

    /**
     * For the lint: an encoded value must be a string, of the type RFC 5280 requires where it
     * requires one, within its upper bound and free of control characters.
     */
    public static Optional<String> checkEncoded(ASN1ObjectIdentifier type, ASN1Encodable value) {
        if (!(value instanceof ASN1String string)) {
            return Optional.of(name(type) + " is not a string but " + value.getClass().getSimpleName());
        }
        if (PRINTABLE.contains(type) && !(value instanceof ASN1PrintableString)) {
            return Optional.of(name(type) + " must be a PrintableString");
        }
        if (IA5.contains(type) && !(value instanceof ASN1IA5String)) {
            return Optional.of(name(type) + " must be an IA5String");
        }
        return lengthAndCharacters(type, string.getString());
    }

    private static Optional<String> lengthAndCharacters(ASN1ObjectIdentifier type, String text) {
        int length = text.codePointCount(0, text.length());
        if (length > bound(type) || (type.equals(BCStyle.C) && length != 2)) {
            return Optional.of(name(type) + " is " + length + " characters long, "
                    + (type.equals(BCStyle.C) ? "it must be 2" : "at most " + bound(type) + " allowed"));
        }
        boolean bad = text.codePoints().anyMatch(cp -> Character.isISOControl(cp)
                || Character.getType(cp) == Character.SURROGATE);
        return bad ? Optional.of(name(type) + " contains a control character or broken Unicode") : Optional.empty();
    }

    static String name(ASN1ObjectIdentifier type) {
        String name = BCStyle.INSTANCE.oidToDisplayName(type);
        return name == null ? type.getId() : name;
    }
}
