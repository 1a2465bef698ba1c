package org.lanyard.core.operator;

import java.time.Instant;

/** An API token of an operator. Only the SHA-256 of the secret is stored; the secret is shown once. */
public record ApiToken(String id, String operatorId, String name, String secretHash, Instant createdAt,
        Instant expiresAt, boolean revoked) {
}
