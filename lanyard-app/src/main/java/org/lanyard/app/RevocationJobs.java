package org.lanyard.app;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lanyard.core.Actor;
import org.lanyard.core.ca.ActiveIssuer;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.ca.IssuerStore;
import org.lanyard.core.ca.Issuers;
import org.lanyard.core.revocation.CrlPolicy;
import org.lanyard.core.revocation.PublishCrls;
import org.lanyard.core.revocation.RenewOcspSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validation jobs on one scheduler thread owned by the composition root: every interval, each
 * issuer's OCSP responder certificate is renewed when due and each CRL shard is made again when
 * half its validity has passed; after a revocation or resume the affected shard's full and delta
 * CRLs are made again at once (requests that arrive meanwhile are coalesced into one run).
 */
public final class RevocationJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationJobs.class);

    private record Shard(String issuerId, int shard) {
    }

    private final IssuerStore issuerStore;
    private final Issuers issuers;
    private final Publication publication;
    private final PublishCrls publish;
    private final RenewOcspSigner renewOcsp;
    private final OcspKeys ocspKeys;
    private final ScheduledExecutorService executor;
    private final Set<Shard> changed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    public RevocationJobs(IssuerStore issuerStore, Issuers issuers, Publication publication, PublishCrls publish,
            RenewOcspSigner renewOcsp, OcspKeys ocspKeys) {
        this.issuerStore = issuerStore;
        this.issuers = issuers;
        this.publication = publication;
        this.publish = publish;
        this.renewOcsp = renewOcsp;
        this.ocspKeys = ocspKeys;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "lanyard-revocation-jobs");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs the periodic work once on the caller's thread (so a node that reports ready has an OCSP
     * responder certificate and CRLs), then every {@code interval} on the scheduler thread.
     */
    public void start(Duration interval) {
        tick();
        executor.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Synchronously: renews due OCSP signers and refreshes due CRLs (also used at startup and by tests). */
    public void tick() {
        for (Issuer issuer : issuerStore.list()) {
            try {
                if (renewOcsp.renewIfDue(issuer.id(), Actor.SYSTEM).isPresent()) {
                    ocspKeys.reload();
                    LOG.info("issued a new OCSP responder certificate for issuer {}", issuer.id());
                }
            } catch (RuntimeException e) {
                LOG.error("OCSP responder certificate renewal failed for issuer {}", issuer.id(), e);
            }
            CrlPolicy policy = publication.of(issuer.id());
            for (int shard = 0; shard < policy.shards(); shard++) {
                refresh(new Shard(issuer.id(), shard), false);
            }
        }
    }

    /** Asks for the shard's CRLs to be made again soon; returns at once. */
    public void shardChanged(String issuerId, int shard) {
        changed.add(new Shard(issuerId, shard));
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                drainScheduled.set(false);
            }
        }
    }

    private void drain() {
        drainScheduled.set(false);
        for (Shard shard : Set.copyOf(changed)) {
            changed.remove(shard);
            refresh(shard, true);
        }
    }

    private void refresh(Shard shard, boolean changedShard) {
        try {
            ActiveIssuer issuer = issuers.resolve(shard.issuerId());
            publish.refresh(issuer, publication.of(shard.issuerId()), shard.shard(), changedShard);
        } catch (RuntimeException e) {
            LOG.error("CRL generation failed for issuer {} shard {}", shard.issuerId(), shard.shard(), e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
