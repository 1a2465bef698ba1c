package org.lanyard.core.ra;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * How many requests one requester may make per window ({@link RequestRateLimit}). Written
 * {@code <count>/<ISO-8601 duration>}, e.g. {@code 300/PT1M}, or {@code off}.
 *
 * @param count  requests allowed per window; 0 turns the limit off
 * @param window the sliding window the requests are counted in
 */
public record RequestRate(int count, Duration window) {

    /** The default: 300 requests per minute per requester, far above any person and most scripts. */
    public static final RequestRate DEFAULT = new RequestRate(300, Duration.ofMinutes(1));
    public static final RequestRate OFF = new RequestRate(0, Duration.ofMinutes(1));

    public RequestRate {
        if (count < 0 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a request rate is a count of 0 or more per positive window");
        }
    }

    public boolean off() {
        return count == 0;
    }

    /** {@code 300/PT1M}, {@code off}; null or blank is {@link #DEFAULT}. */
    public static RequestRate parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        String t = text.trim();
        if (t.equalsIgnoreCase("off")) {
            return OFF;
        }
        int slash = t.indexOf('/');
        try {
            if (slash > 0) {
                return new RequestRate(Integer.parseInt(t.substring(0, slash)), Duration.parse(t.substring(slash + 1)));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("a request rate is <count>/<ISO-8601 duration> (e.g. 300/PT1M) or off, not '"
                + text + "'");
    }

    @Override
    public String toString() {
        return off() ? "off" : count + "/" + window;
    }
}
