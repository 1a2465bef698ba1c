package org.lanyard.core.acme;

import java.util.Locale;

/** An ACME identifier (RFC 8555 §9.7.7). Only {@code dns} is supported; values are lower case. */
public record Identifier(String type, String value) {

    public static final String DNS = "dns";

    public static Identifier dns(String name) {
        return new Identifier(DNS, name.toLowerCase(Locale.ROOT));
    }

    public boolean wildcard() {
        return value.startsWith("*.");
    }

    /** The name whose control is proven: the wildcard's base domain for {@code *.example.com}. */
    public String domain() {
        return wildcard() ? value.substring(2) : value;
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }
}
