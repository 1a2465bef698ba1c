package org.lanyard.core.ra;

/**
 * What a request asks for. Today the RA handles {@link #ISSUE}; renewal and revocation requests
 * (and, with cards, reissue, update, replacement and key recovery) go through the same states and
 * approvals when their front ends move onto the RA.
 */
public enum RequestType {
    ISSUE,
    RENEW,
    REVOKE
}
