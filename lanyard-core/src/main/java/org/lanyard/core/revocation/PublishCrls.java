package org.lanyard.core.revocation;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.lanyard.core.ca.ActiveIssuer;

/**
 * Generates a shard's full and delta CRLs and publishes them ({@link PublishedCrls}) so that every
 * node serves the same bytes. {@link #refresh} is what the schedule and a revocation ask for: a
 * CRL is made again once half its validity has passed (well before its nextUpdate), and at once
 * when the shard changed since the newest full CRL (also when the change was made by another
 * node or by the offline {@code lanyard revoke}).
 */
public class PublishCrls {

    private final CrlWriter writer;
    private final RevocationStore revocations;
    private final PublishedCrls published;
    private final Clock clock;

    public PublishCrls(CrlWriter writer, RevocationStore revocations, PublishedCrls published, Clock clock) {
        this.writer = writer;
        this.revocations = revocations;
        this.published = published;
        this.clock = clock;
    }

    /**
     * @param changed the shard's revoked set changed since its CRLs were made
     * @return how many CRLs were published (0 to 2)
     */
    public int refresh(ActiveIssuer issuer, CrlPolicy policy, int shard, boolean changed) {
        String issuerId = issuer.issuer().id();
        Instant now = clock.instant();
        int made = 0;
        long covered = revocations.latestFullCrl(issuerId, shard).map(CrlRecord::coversSequence).orElse(-1L);
        boolean stale = covered < revocations.lastSequence(issuerId, shard);
        boolean full = changed || stale || due(published.latest(issuerId, shard, false), now);
        if (full) {
            full(issuer, policy, shard);
            made++;
        }
        if (policy.deltas() && (full || due(published.latest(issuerId, shard, true), now))) {
            delta(issuer, policy, shard);
            made++;
        }
        return made;
    }

    private static boolean due(Optional<PublishedCrl> crl, Instant now) {
        if (crl.isEmpty()) {
            return true;
        }
        PublishedCrl c = crl.get();
        Instant half = c.thisUpdate().plus(java.time.Duration.between(c.thisUpdate(), c.nextUpdate()).dividedBy(2));
        return !now.isBefore(half);
    }

    public PublishedCrl full(ActiveIssuer issuer, CrlPolicy policy, int shard) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CrlRecord record = writer.writeFull(issuer, policy, shard, out);
        return publish(record, false, out.toByteArray());
    }

    public PublishedCrl delta(ActiveIssuer issuer, CrlPolicy policy, int shard) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CrlRecord record = writer.writeDelta(issuer, policy, shard, out);
        return publish(record, true, out.toByteArray());
    }

    private PublishedCrl publish(CrlRecord record, boolean delta, byte[] der) {
        PublishedCrl crl = new PublishedCrl(record.issuerId(), record.shard(), delta, record.number(),
                record.thisUpdate(), record.nextUpdate(), der);
        published.publish(crl);
        return crl;
    }
}
