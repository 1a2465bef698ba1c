package org.lanyard.core.acme;

/** One CAA resource record (RFC 8659 §4.1). */
public record CaaRecord(int flags, String tag, String value) {

    public boolean critical() {
        return (flags & 128) != 0;
    }
}
