package org.lanyard.core.acme;

import java.time.Instant;
import java.util.List;

/**
 * An order (RFC 8555 §7.1.3). The stored status is one of PENDING, PROCESSING, VALID, INVALID;
 * READY (and INVALID because an authorization failed) is derived from the authorizations by
 * {@link #effectiveStatus}, so concurrent challenge validations never race on the order row.
 *
 * @param profile           the Lanyard certificate profile (ACME profiles extension)
 * @param certificateSerial hex serial of the issued certificate once VALID
 * @param replaces          ARI certificate identifier this order replaces (RFC 9773), or null
 */
public record Order(String id, String accountId, String endpoint, Status status, List<Identifier> identifiers,
        String profile, Instant expires, String errorType, String errorDetail, String certificateSerial,
        String replaces, Instant createdAt) {

    public enum Status { PENDING, READY, PROCESSING, VALID, INVALID }

    public Order {
        identifiers = List.copyOf(identifiers);
    }

    public Status effectiveStatus(List<Authorization> authorizations, Instant now) {
        if (status != Status.PENDING) {
            return status;
        }
        if (now.isAfter(expires)) {
            return Status.INVALID;
        }
        boolean allValid = true;
        for (Authorization a : authorizations) {
            Authorization.Status s = a.effectiveStatus(now);
            if (s != Authorization.Status.VALID && s != Authorization.Status.PENDING) {
                return Status.INVALID;
            }
            allValid &= s == Authorization.Status.VALID;
        }
        return allValid && !authorizations.isEmpty() ? Status.READY : Status.PENDING;
    }
}
