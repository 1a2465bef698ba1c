package org.lanyard.core;

/** Where an {@link ErrorCode} comes from; the edges use it to map whole families alike. */
public enum ErrorGroup {
    /** Raised by a use case, adapter or edge with a string literal or a constant of this enum. */
    GENERAL,
    /** The name of an issuance rule ({@code ca.IssuanceRules}); raised by the issuance policy. */
    ISSUANCE_RULE,
    /** {@code lint-<rule>} for an ERROR rule of the pre-issuance lint ({@code ca.lint}). */
    LINT,
    /** An RFC 8555 §6.7 problem type, {@code acme-<type>}; raised through {@code acme.AcmeError}. */
    ACME,
    /** Written by the REST edge itself for failures of the web framework (unknown route, bad JSON). */
    EDGE
}
