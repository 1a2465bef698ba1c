package org.lanyard.core.acme;

import java.util.ArrayList;
import java.util.List;

/** Account contacts (RFC 8555 §7.3): {@code mailto:} URLs with one plain address, at most 10. */
final class Contacts {

    private Contacts() {
    }

    static List<String> read(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.size() > 10) {
            throw AcmeError.MALFORMED.exception("contact must be an array of at most 10 URLs");
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw AcmeError.MALFORMED.exception("each contact must be a string");
            }
            if (!s.startsWith("mailto:")) {
                throw AcmeError.UNSUPPORTED_CONTACT.exception("only mailto: contacts are supported");
            }
            String address = s.substring(7);
            if (address.length() > 254 || !address.matches("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+")) {
                throw AcmeError.INVALID_CONTACT.exception("'" + s + "' is not a mailto: URL with one plain address");
            }
            out.add(s);
        }
        return out;
    }
}
