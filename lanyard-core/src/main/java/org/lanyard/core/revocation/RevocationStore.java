package org.lanyard.core.revocation;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Storage of revocations, their change log and the CRLs generated from them, per issuer and
 * CRL shard. Every change gets the next <em>change sequence</em> of its (issuer, shard): the
 * adapter assigns it under the same row lock as the CRL number (a counter row per issuer and
 * shard, {@code SELECT … FOR UPDATE}), so a reader that sees sequence n also sees every lower
 * one. A database sequence is not enough: two transactions can commit out of order and a delta
 * CRL would skip the later-committed, lower number. Write methods run inside the caller's
 * transaction. See docs/flows/revocation.md.
 */
public interface RevocationStore {

    /**
     * Puts the serial on its shard's revoked set (a hold, a permanent revocation, or a held
     * certificate made permanent, which replaces the hold) and logs a {@code REVOKED} change.
     *
     * @return the stored entry with its change sequence
     */
    Revocation revoke(BigInteger serial, String issuerId, int shard, RevocationReason reason, Instant revokedAt,
            Instant invalidityDate);

    /**
     * Lifts a hold: removes the entry and logs a {@code RELEASED} change.
     *
     * @throws IllegalStateException when the serial is not on hold
     */
    RevocationChange release(String issuerId, BigInteger serial, Instant releasedAt);

    /** The serial's current entry, if it is revoked or on hold. */
    Optional<Revocation> find(String issuerId, BigInteger serial);

    /**
     * Hands every current entry of the shard to {@code sink}, in ascending serial order, without
     * loading them all (a cursor with a fetch size in SQL).
     */
    void forEachRevoked(String issuerId, int shard, Consumer<Revocation> sink);

    /**
     * Hands every change of the shard with {@code afterSequence < sequence <= upToSequence} to
     * {@code sink}, ordered by serial and then by sequence, without loading them all.
     */
    void forEachChange(String issuerId, int shard, long afterSequence, long upToSequence,
            Consumer<RevocationChange> sink);

    /** The highest change sequence of the shard; 0 when nothing changed yet. */
    long lastSequence(String issuerId, int shard);

    /**
     * Allocates the next CRL number of the shard (full and delta CRLs share one numbering,
     * RFC 5280 §5.2.3): strictly greater than every number allocated before, on any node, also
     * after a restart; never handed out twice. Commits on its own.
     */
    long nextCrlNumber(String issuerId, int shard);

    /** Remembers a generated CRL. */
    void saveCrl(CrlRecord crl);

    /** The newest full CRL of the shard (the base for the next delta), if any. */
    Optional<CrlRecord> latestFullCrl(String issuerId, int shard);
}
