package org.lanyard.core.acme;

import java.time.Instant;
import java.util.List;

/**
 * Proof of control of one identifier for one order (RFC 8555 §7.1.4). Its challenges share one
 * token; the one the client chose is {@code attempted}. Wildcards offer only dns-01.
 */
public record Authorization(String id, String orderId, String accountId, Identifier identifier, Status status,
        String token, Instant expires, String attempted, Instant validatedAt, String errorType, String errorDetail) {

    public enum Status { PENDING, VALID, INVALID, DEACTIVATED, EXPIRED, REVOKED }

    public Status effectiveStatus(Instant now) {
        return (status == Status.PENDING || status == Status.VALID) && now.isAfter(expires) ? Status.EXPIRED : status;
    }

    public List<String> challengeTypes() {
        return identifier.wildcard() ? List.of(ChallengeType.DNS_01) : ChallengeType.ALL;
    }

    public Authorization finished(Status s, String type, Instant at, String errType, String errDetail) {
        return new Authorization(id, orderId, accountId, identifier, s, token, expires, type, at, errType, errDetail);
    }
}
