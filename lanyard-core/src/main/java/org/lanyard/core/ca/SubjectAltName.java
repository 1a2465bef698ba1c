package org.lanyard.core.ca;

/** One subject alternative name, e.g. {@code DNS:www.example.com} or {@code UPN:alice@corp.example}. */
public record SubjectAltName(SanType type, String value) {

    @Override
    public String toString() {
        return type + ":" + value;
    }

    public static SubjectAltName parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("expected TYPE:value, got '" + text + "'");
        }
        return new SubjectAltName(SanType.valueOf(text.substring(0, colon).trim().toUpperCase(java.util.Locale.ROOT)),
                text.substring(colon + 1).trim());
    }
}
