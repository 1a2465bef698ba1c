package org.lanyard.core.revocation;

import java.math.BigInteger;
import java.time.Instant;

/**
 * One change of a shard's revoked set, as delta CRLs list it. A {@code REVOKED} change carries
 * the reason (a hold, or a permanent revocation, possibly of a held certificate); a
 * {@code RELEASED} change lifts a hold and appears in delta CRLs as {@code removeFromCRL}.
 *
 * @param at for {@code REVOKED} the revocation time, for {@code RELEASED} when the hold was lifted
 */
public record RevocationChange(long sequence, BigInteger serial, String issuerId, int shard, Kind kind,
        RevocationReason reason, Instant at, Instant invalidityDate) {

    public enum Kind {
        REVOKED,
        RELEASED
    }

    public static RevocationChange revoked(Revocation revocation) {
        return new RevocationChange(revocation.sequence(), revocation.serial(), revocation.issuerId(),
                revocation.shard(), Kind.REVOKED, revocation.reason(), revocation.revokedAt(),
                revocation.invalidityDate());
    }

    /** The reason a CRL entry for this change carries. */
    public RevocationReason crlReason() {
        return kind == Kind.RELEASED ? RevocationReason.removeFromCRL : reason;
    }
}
