package org.lanyard.core;

/** What kind of failure a {@link LanyardException} is; the edges map each to their protocol. */
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
    /** The caller made too many requests; property {@code retryAfter} (seconds) says when to try again. */
    RATE_LIMITED,
    /** Something inside failed; nothing was returned that the store does not hold. */
    INTERNAL
}
