package org.lanyard.core;

import java.util.Map;
import java.util.TreeMap;

/** A tiny, canonical JSON writer for flat string maps (sorted keys), used for audit details. */
public final class Json {

    private Json() {
    }

    public static String object(Map<String, String> values) {
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(values).forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            string(out, k);
            out.append(':');
            if (v == null) {
                out.append("null");
            } else {
                string(out, v);
            }
        });
        return out.append('}').toString();
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
