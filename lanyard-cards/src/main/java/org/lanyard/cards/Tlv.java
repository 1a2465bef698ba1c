package org.lanyard.cards;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BER-TLV as PIV uses it: tags of one to three bytes, definite lengths up to three bytes. Parsing
 * never trusts the input: a truncated or oversized element is a {@link MalformedTlvException}.
 */
public final class Tlv {

    private Tlv() {
    }

    /** One element; {@code tag} holds the tag bytes as an unsigned number, e.g. {@code 0x7F49}. */
    public record Element(int tag, byte[] value) {
    }

    public static class MalformedTlvException extends RuntimeException {
        public MalformedTlvException(String message) {
            super(message);
        }
    }

    public static byte[] encode(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 8);
        if (tag > 0xFFFF) {
            out.write(tag >>> 16);
        }
        if (tag > 0xFF) {
            out.write(tag >>> 8);
        }
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n <= 0xFF) {
            out.write(0x81);
            out.write(n);
        } else if (n <= 0xFFFF) {
            out.write(0x82);
            out.write(n >>> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >>> 16);
            out.write(n >>> 8);
            out.write(n);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    public static List<Element> parse(byte[] data) {
        List<Element> elements = new ArrayList<>();
        int i = 0;
        while (i < data.length) {
            int tag = data[i++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                int more = 0;
                do {
                    if (i >= data.length || ++more > 2) {
                        throw new MalformedTlvException("bad tag");
                    }
                    tag = (tag << 8) | (data[i] & 0xFF);
                } while ((data[i++] & 0x80) != 0);
            }
            if (i >= data.length) {
                throw new MalformedTlvException("missing length");
            }
            int len = data[i++] & 0xFF;
            if (len > 0x80) {
                int bytes = len - 0x80;
                if (bytes > 3 || i + bytes > data.length) {
                    throw new MalformedTlvException("bad length");
                }
                len = 0;
                for (int k = 0; k < bytes; k++) {
                    len = (len << 8) | (data[i++] & 0xFF);
                }
            } else if (len == 0x80) {
                throw new MalformedTlvException("indefinite length");
            }
            if (len > data.length - i) {
                throw new MalformedTlvException("value runs past the end");
            }
            byte[] value = new byte[len];
            System.arraycopy(data, i, value, 0, len);
            i += len;
            elements.add(new Element(tag, value));
        }
        return elements;
    }

    /** Parses and indexes by tag; the first occurrence of a tag wins. */
    public static Map<Integer, byte[]> parseMap(byte[] data) {
        Map<Integer, byte[]> map = new LinkedHashMap<>();
        for (Element e : parse(data)) {
            map.putIfAbsent(e.tag(), e.value());
        }
        return map;
    }

    /** The value of the single outer element with the given tag. */
    public static byte[] unwrap(int tag, byte[] data) {
        List<Element> elements = parse(data);
        if (elements.isEmpty() || elements.get(0).tag() != tag) {
            throw new MalformedTlvException(String.format("expected tag %X", tag));
        }
        return elements.get(0).value();
    }
}
