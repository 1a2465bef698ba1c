package org.lanyard.core;

/**
 * What kind of failure a {@link LanyardException} is; the edges map each to their protocol
 * (REST status in {@code server.web.Problems}, ACME type in {@code server.acme.AcmeErrorMapping}).
 * The finer kinds of v2 (ADR 0013) refine a v1 kind, given by {@link #general()}, for the
 * protocols that tell them apart (ACME {@code badCSR}, {@code rejectedIdentifier}, …).
 */
public enum ErrorKind {
    /** The input is malformed or unreadable (a broken CSR, bad JSON). */
    INVALID_INPUT,
    /** The input is well formed but a named policy rule refuses it. */
    POLICY_REFUSED,
    /** No credentials, or credentials that do not identify an operator. */
    UNAUTHENTICATED,
    /** The operator is known but lacks the permission. */
    FORBIDDEN,
    NOT_FOUND,
    /** The request conflicts with the current state (already exists, wrong state). */
    CONFLICT,
    /** Something inside failed; nothing was returned that the store does not hold. */
    INTERNAL,
    /** A certificate signing request that cannot be read or whose signature does not verify. */
    BAD_CSR(INVALID_INPUT),
    /** A public key the policy refuses (algorithm, size or curve). */
    BAD_KEY(POLICY_REFUSED),
    /** A name (DNS name, SAN, identifier) the policy refuses, or a set of names it refuses. */
    IDENTIFIER_REJECTED(POLICY_REFUSED),
    /** Too many requests in a window; {@link LanyardException#RETRY_AFTER} says when to retry, if known. */
    RATE_LIMITED(POLICY_REFUSED),
    /** A dependency (database, token) is temporarily out of reach; retrying later may succeed. */
    UNAVAILABLE(INTERNAL);

    private final ErrorKind general;

    ErrorKind() {
        this.general = null;
    }

    ErrorKind(ErrorKind general) {
        this.general = general;
    }

    /** The v1 kind this one refines (itself for the v1 kinds), for edges with no finer mapping. */
    public ErrorKind general() {
        return general == null ? this : general;
    }
}
