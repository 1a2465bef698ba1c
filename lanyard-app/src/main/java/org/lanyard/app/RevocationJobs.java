package org.lanyard.app;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lanyard.core.ca.ActiveIssuer;
import org.lanyard.core.ca.Issuers;
import org.lanyard.core.revocation.PublishCrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prompt CRL refresh of one node, on a thread owned by the composition root: after a
 * revocation or resume here, the affected shard's full and delta CRLs are made again at once
 * (requests that arrive meanwhile are coalesced into one run). The periodic work — CRLs, OCSP
 * responder certificates, OCSP pre-signing — runs as jobs on the cluster's job runner
 * ({@link Validation#jobs}, docs/flows/jobs.md).
 */
public final class RevocationJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationJobs.class);

    private record Shard(String issuerId, int shard) {
    }

    private final Issuers issuers;
    private final Publication publication;
    private final PublishCrls publish;
    private final ExecutorService executor;
    private final Set<Shard> changed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    public RevocationJobs(Issuers issuers, Publication publication, PublishCrls publish) {
        this.issuers = issuers;
        this.publication = publication;
        this.publish = publish;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "lanyard-revocation-jobs");
            thread.setDaemon(true);
            return thread;
        });
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
            refresh(shard);
        }
    }

    private void refresh(Shard shard) {
        try {
            ActiveIssuer issuer = issuers.resolve(shard.issuerId());
            publish.refresh(issuer, publication.of(shard.issuerId()), shard.shard(), true);
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
