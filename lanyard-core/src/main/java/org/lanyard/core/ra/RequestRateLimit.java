package org.lanyard.core.ra;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;

/**
 * The rule {@value #RULE}: one requester makes at most {@link RequestRate#count()} requests per
 * {@link RequestRate#window()}, counted from the stored requests, so every node of a cluster
 * counts the same. Concurrent requests of one requester may pass the limit by the few in flight;
 * it protects the CA from a runaway client, it is not a quota. System jobs are not limited.
 */
public final class RequestRateLimit {

    public static final String RULE = "request-rate";

    private final RequestStore requests;
    private final RequestRate rate;
    private final Clock clock;

    public RequestRateLimit(RequestStore requests, RequestRate rate, Clock clock) {
        this.requests = requests;
        this.rate = rate;
        this.clock = clock;
    }

    /** @throws LanyardException {@value #RULE}, kind {@link ErrorKind#RATE_LIMITED} (429), with {@code retryAfter} seconds */
    public void check(Principal principal) {
        if (rate.off() || principal instanceof Principal.SystemJob) {
            return;
        }
        Instant now = clock.instant();
        int made = requests.countByRequesterSince(principal.actor().id(), now.minus(rate.window()));
        if (made >= rate.count()) {
            throw new LanyardException(ErrorKind.RATE_LIMITED, RULE, "refused by rule " + RULE + ": "
                    + principal.actor().name() + " made " + made + " requests in the last " + rate.window()
                    + "; the limit is " + rate, Map.of("rule", RULE, "limit", rate.toString(),
                            "retryAfter", Math.max(1, rate.window().toSeconds())));
        }
    }
}
