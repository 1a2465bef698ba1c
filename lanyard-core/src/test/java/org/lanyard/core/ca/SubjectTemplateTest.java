package org.lanyard.core.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;

class SubjectTemplateTest {

    private static final SubjectTemplate ALL = SubjectTemplate.parse(
            "CN=${cn},OU=${ou},O=${o},L=${l},ST=${st},C=${c},SERIALNUMBER=${serial},E=${email},DC=${dc}");

    static Stream<Arguments> values() {
        return Stream.of(
                // variable, value, refused?
                Arguments.of("cn", "a".repeat(64), false),
                Arguments.of("cn", "a".repeat(65), true),
                Arguments.of("cn", "\u00e4".repeat(64), false), // bounds count characters, not bytes
                Arguments.of("cn", "a".repeat(300), true),
                Arguments.of("cn", "#3003020101", false), // text, never hex DER
                Arguments.of("cn", "#zz", false),
                Arguments.of("cn", "a\u0000b", true),
                Arguments.of("cn", "a\nb", true),
                Arguments.of("cn", "a\u007fb", true),
                Arguments.of("cn", "a\u0085b", true),
                Arguments.of("cn", "a\ud800b", true), // unpaired surrogate
                Arguments.of("o", "o".repeat(65), true),
                Arguments.of("ou", "u".repeat(65), true),
                Arguments.of("l", "l".repeat(128), false),
                Arguments.of("l", "l".repeat(129), true),
                Arguments.of("st", "s".repeat(129), true),
                Arguments.of("c", "DE", false),
                Arguments.of("c", "de", true),
                Arguments.of("c", "DEU", true),
                Arguments.of("c", "D1", true),
                Arguments.of("serial", "ABC-123", false),
                Arguments.of("serial", "abc_123", true), // '_' is not a PrintableString character
                Arguments.of("serial", "1".repeat(65), true),
                Arguments.of("email", "alice@example.com", false),
                Arguments.of("email", "j\u00fcrgen@example.com", true),
                Arguments.of("email", "a".repeat(250) + "@x.org", true),
                Arguments.of("dc", "example", false),
                Arguments.of("dc", "b\u00e4r", true));
    }

    @ParameterizedTest(name = "{0}={1} refused: {2}")
    @MethodSource("values")
    void valuesAreCheckedAgainstTheirAttribute(String variable, String value, boolean refused) {
        Map<String, String> values = new java.util.HashMap<>(Map.of("cn", "x", "ou", "x", "o", "x", "l", "x", "st",
                "x", "c", "US", "serial", "1", "email", "a@b.c", "dc", "x"));
        values.put(variable, value);
        if (refused) {
            assertThat(ALL.problem(values)).isPresent();
            assertThatThrownBy(() -> ALL.fill(values)).isInstanceOfSatisfying(LanyardException.class, e -> {
                assertThat(e.code()).isEqualTo("subject-values");
                assertThat(e.kind()).isEqualTo(ErrorKind.POLICY_REFUSED);
            });
        } else {
            assertThat(ALL.problem(values)).isEmpty();
            assertThat(ALL.fill(values).getRDNs()).hasSize(9);
        }
    }

    @Test
    void eachAttributeGetsItsStringType() {
        X500Name name = ALL.fill(Map.of("cn", "#3003020101", "ou", "x", "o", "x", "l", "x", "st", "x", "c", "US",
                "serial", "42", "email", "a@b.c", "dc", "x"));
        assertThat(name.getRDNs(BCStyle.CN)[0].getFirst().getValue()).isInstanceOfSatisfying(ASN1UTF8String.class,
                s -> assertThat(s.getString()).isEqualTo("#3003020101"));
        assertThat(name.getRDNs(BCStyle.C)[0].getFirst().getValue()).isInstanceOf(ASN1PrintableString.class);
        assertThat(name.getRDNs(BCStyle.SERIALNUMBER)[0].getFirst().getValue()).isInstanceOf(ASN1PrintableString.class);
        assertThat(name.getRDNs(BCStyle.EmailAddress)[0].getFirst().getValue()).isInstanceOf(ASN1IA5String.class);
        assertThat(name.getRDNs(BCStyle.DC)[0].getFirst().getValue()).isInstanceOf(ASN1IA5String.class);
    }

    @Test
    void fixedPartsOfTheTemplateAreCheckedWhenItIsRead() {
        assertThatThrownBy(() -> SubjectTemplate.parse("CN=${cn},C=Germany"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("C");
        assertThatThrownBy(() -> SubjectTemplate.parse("CN=${cn},O=" + "o".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SubjectTemplate.parse("CN=${cn},O=Example,C=DE").fill(Map.of("cn", "a")).getRDNs()).hasSize(3);
    }

    @Test
    void csrSubjectValuesAreTheirTextNotEscapedOrHex() {
        var sequence = new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Integer(1));
        X500Name csrSubject = new org.bouncycastle.asn1.x500.X500NameBuilder()
                .addRDN(BCStyle.CN, new org.bouncycastle.asn1.DERUTF8String("a,b+c"))
                .addRDN(BCStyle.O, sequence).build();
        Map<String, String> values = SubjectTemplate.variablesOf(csrSubject);
        assertThat(values).containsEntry("cn", "a,b+c").doesNotContainKey("o");
    }
}
