package org.lanyard.core.jobs;

import org.jspecify.annotations.Nullable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.jobs.JobRun.Outcome;
import org.lanyard.core.jobs.JobStore.Abandonment;

/**
 * Runs {@link Job}s once per due time across every node that shares the {@link JobStore}
 * (DESIGN.md §5, invariant 7). The steps, as in docs/flows/jobs.md:
 *
 * <ol>
 * <li>Every tick, for each job row: skip it while its lease is live (some node runs it).</li>
 * <li>If this node runs the job and it is due: take the lease by compare-and-set on the row, so
 * of all nodes that read the same row exactly one wins; the run is recorded (and the run of an
 * expired lease marked abandoned) in the same step.</li>
 * <li>Otherwise, if the lease expired: mark its run abandoned and free the lease.</li>
 * <li>Run the job on a worker thread and renew the lease every heartbeat while it runs.</li>
 * <li>Record the outcome, set the next due time and free the lease in one step — unless the lease
 * was lost meanwhile, when the run stays marked abandoned.</li>
 * </ol>
 *
 * <p>Time comes from the injected clock; threads from executors this runner owns and stops on
 * {@link #close()}.
 */
public final class JobRunner implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JobRunner.class.getName());

    /** A lease this node took for one run of a job: {@link #launch} runs it. */
    public static final class Claim {

        private final Job job;
        private final JobRun run;
        private final Instant seenDue;
        private final JobContext context;

        private Claim(Job job, JobRun run, Instant seenDue) {
            this.job = job;
            this.run = run;
            this.seenDue = seenDue;
            this.context = new JobContext(run);
        }

        public JobRun run() {
            return run;
        }
    }

    private final JobStore store;
    private final String node;
    private final Clock clock;
    private final JobSettings settings;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<Job> order = new CopyOnWriteArrayList<>();
    private final Map<String, Claim> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;
    private final ExecutorService workers;
    private final AtomicBoolean started = new AtomicBoolean();

    public JobRunner(JobStore store, String node, Clock clock, JobSettings settings) {
        this.store = store;
        this.node = node;
        this.clock = clock;
        this.settings = settings;
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("lanyard-jobs"));
        this.workers = Executors.newCachedThreadPool(daemon("lanyard-job"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Makes this node run {@code job}: its row is created (due per its schedule) unless it exists. */
    public void add(Job job) {
        Job.checkName(job.name());
        if (jobs.putIfAbsent(job.name(), job) != null) {
            throw new IllegalArgumentException("job " + job.name() + " is already added");
        }
        order.add(job);
        store.register(job.name(), job.schedule().describe(), job.schedule().first(clock.instant()));
    }

    /** Whether this node runs {@code name} (a job of another node is only made due here). */
    public boolean runsHere(String name) {
        return jobs.containsKey(name);
    }

    public String node() {
        return node;
    }

    /**
     * Runs every job that {@link Job#runsAtStart() runs at start} once, in the order they were
     * added, on the caller's thread — or, when another node is running one, waits for that run
     * and runs it here only if that run did not succeed — then looks for due jobs every tick.
     * Returns when the first runs are over, so a node that reports ready afterwards has their
     * results (CRLs, the OCSP responder certificate).
     */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        for (Job job : order) {
            if (job.runsAtStart()) {
                try {
                    runAtStart(job);
                } catch (RuntimeException e) { // the store: the node starts anyway, ticks retry
                    LOG.log(System.Logger.Level.ERROR, "job " + job.name() + ": the first run failed to start", e);
                }
            }
        }
        long tick = settings.tick().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    /**
     * Claims every due job and runs them one after another on the caller's thread.
     *
     * @return the runs this node made, ended
     */
    public List<JobRun> runDue() {
        List<JobRun> done = new ArrayList<>();
        for (Claim claim : claimDue()) {
            done.add(execute(claim));
        }
        return done;
    }

    /** One tick of the schedule: claims due jobs and starts them on worker threads. Never throws. */
    void tick() {
        try {
            for (Claim claim : claimDue()) {
                launch(claim);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "looking for due jobs failed; trying again next tick", e);
        }
    }

    private List<Claim> claimDue() {
        Instant now = clock.instant();
        List<Claim> claimed = new ArrayList<>();
        for (JobState seen : store.list()) {
            if (seen.running(now)) {
                continue; // 1. some node holds a live lease
            }
            Job job = jobs.get(seen.name());
            if (job != null && seen.due(now) && !running.containsKey(seen.name())) {
                claim(job, seen, now, "schedule", seen.nextDueAt()).ifPresent(claimed::add); // 2.
            } else if (seen.leaseExpired(now) && !running.containsKey(seen.name())) {
                Abandonment abandoned = abandonment(seen, now); // 3.
                if (store.abandon(seen, abandoned)) {
                    LOG.log(System.Logger.Level.WARNING, "job {0}: {1}", seen.name(), abandoned.details());
                }
            }
        }
        return claimed;
    }

    /**
     * Takes the job's lease for a run now, ahead of its schedule (it runs on this node when
     * {@link #launch launched}). Joins the caller's transaction, so the caller can record the
     * request with it; launch only after that commits.
     *
     * @throws LanyardException {@code job-unknown} (404) when this node does not run the job;
     *                          {@code job-running} (409) while a run holds the lease
     */
    public Claim claimNow(String name, String trigger) {
        Job job = jobs.get(name);
        if (job == null) {
            throw LanyardException.notFound("job-unknown", "this node runs no job '" + name + "'");
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            Instant now = clock.instant();
            JobState seen = store.find(name).orElseThrow(() -> LanyardException.notFound("job-unknown",
                    "there is no job '" + name + "'"));
            Claim local = running.get(name);
            if (seen.running(now) || local != null) {
                String runId = local != null ? local.run.id() : seen.runId();
                String owner = local != null ? node : seen.leaseOwner();
                throw new LanyardException(ErrorKind.CONFLICT, "job-running", "job '" + name + "' is running on node "
                        + owner + " (run " + runId + "); ask again when it has ended",
                        Map.of("run", runId, "node", owner));
            }
            Optional<Claim> claim = claim(job, seen, now, trigger, seen.due(now) ? seen.nextDueAt() : null);
            if (claim.isPresent()) {
                return claim.get();
            }
        }
        throw LanyardException.conflict("job-running", "job '" + name + "' is being taken by another node");
    }

    /** Runs a claimed job on a worker thread; returns at once. */
    public void launch(Claim claim) {
        try {
            workers.execute(() -> execute(claim));
        } catch (RejectedExecutionException closed) {
            LOG.log(System.Logger.Level.WARNING, "job {0}: the runner is closed; run {1} will be marked abandoned"
                    + " when its lease expires", claim.run.job(), claim.run.id());
        }
    }

    private Optional<Claim> claim(Job job, JobState seen, Instant now, String trigger, @Nullable Instant dueAt) {
        JobRun run = JobRun.started(UUID.randomUUID().toString(), job.name(), node, trigger, dueAt, now);
        Abandonment abandoned = seen.leased() ? abandonment(seen, now) : null;
        if (!store.claim(seen, run, now.plus(settings.lease()), abandoned)) {
            return Optional.empty(); // another node changed the row first
        }
        if (abandoned != null) {
            LOG.log(System.Logger.Level.WARNING, "job {0}: {1}", seen.name(), abandoned.details());
        }
        return Optional.of(new Claim(job, run, seen.nextDueAt()));
    }

    private Abandonment abandonment(JobState seen, Instant now) {
        return new Abandonment(seen.runId(), now, "lease expired on node " + seen.leaseOwner() + " at "
                + seen.leaseExpiresAt() + " (the node stopped or lost the database); noticed by node " + node);
    }

    private JobRun execute(Claim claim) {
        String name = claim.job.name();
        running.put(name, claim);
        ScheduledFuture<?> heartbeat = heartbeat(claim); // 4.
        JobResult result;
        Outcome outcome;
        Error fatal = null;
        try {
            result = claim.job.run(claim.context);
            if (result == null) {
                result = JobResult.succeeded(Map.of(), null);
            }
            outcome = result.failed() ? Outcome.FAILED : Outcome.SUCCEEDED;
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "job " + name + " failed (run " + claim.run.id() + ")", e);
            result = JobResult.failed(Map.of(), "the job failed: " + e);
            outcome = Outcome.FAILED;
            if (e instanceof VirtualMachineError error) {
                fatal = error;
            }
        } finally {
            if (heartbeat != null) {
                heartbeat.cancel(false);
            }
        }
        Instant now = clock.instant();
        JobRun done = claim.run.finished(now, outcome, result.counts(), result.details());
        try {
            if (!store.finish(done, claim.job.schedule().next(claim.seenDue, now))) { // 5.
                LOG.log(System.Logger.Level.WARNING, "job {0}: run {1} ended {2} after it had lost its lease; it"
                        + " stays recorded as abandoned", name, done.id(), outcome);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "job " + name + ": cannot record the end of run " + done.id()
                    + "; another node will mark it abandoned when its lease expires", e);
        } finally {
            running.remove(name, claim);
        }
        if (fatal != null) {
            throw fatal;
        }
        return done;
    }

    private @Nullable ScheduledFuture<?> heartbeat(Claim claim) {
        long every = settings.heartbeat().toMillis();
        try {
            return ticker.scheduleWithFixedDelay(() -> renew(claim), every, every, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            return null;
        }
    }

    private void renew(Claim claim) {
        if (claim.context.leaseLost()) {
            return;
        }
        try {
            if (!store.renew(claim.run.job(), claim.run.id(), clock.instant().plus(settings.lease()))) {
                claim.context.loseLease();
                LOG.log(System.Logger.Level.WARNING, "job {0}: run {1} lost its lease (another node marked it"
                        + " abandoned)", claim.run.job(), claim.run.id());
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "job " + claim.run.job() + ": renewing the lease failed; trying"
                    + " again", e);
        }
    }

    private void runAtStart(Job job) {
        String awaited = null;
        while (true) {
            Instant now = clock.instant();
            JobState seen = store.find(job.name()).orElseThrow();
            if (seen.running(now)) {
                // another node's run began before this node started, so it covers what ours would
                awaited = seen.runId();
                if (!pause()) {
                    return;
                }
                continue;
            }
            if (awaited != null && store.run(awaited).map(r -> r.outcome() == Outcome.SUCCEEDED).orElse(false)) {
                return;
            }
            Optional<Claim> claim = claim(job, seen, now, "start", seen.due(now) ? seen.nextDueAt() : null);
            if (claim.isPresent()) {
                execute(claim.get());
                return;
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(Math.max(10, Math.min(250, settings.heartbeat().toMillis())));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops looking for due jobs and interrupts running ones (waiting up to 10 seconds for them
     * to record their end). A run still going after that keeps its lease until it expires.
     */
    @Override
    public void close() {
        ticker.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
