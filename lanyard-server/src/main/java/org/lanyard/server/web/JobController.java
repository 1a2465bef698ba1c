package org.lanyard.server.web;

import org.lanyard.server.http.RequiresPermission;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.lanyard.core.jobs.JobOverview;
import org.lanyard.core.jobs.JobRun;
import org.lanyard.core.jobs.RunJobNow;
import org.lanyard.core.operator.AuthenticatedOperator;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.jobs.JobHistory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cluster's jobs (docs/flows/jobs.md): what runs when, what each run did, and "run it now".
 * Reading needs AUDIT_READ: the run history is a record of what the system did, like the
 * transaction log, and whoever checks that CRLs are published (an auditor, a monitoring token)
 * should not need the power to change configuration. Running needs SYSTEM_CONFIGURE: it makes
 * the system act (sign CRLs, issue responder certificates) outside its schedule.
 */
@RestController
@RequestMapping("/api/v1/jobs")
public class JobController {

    private final JobHistory jobHistory;
    private final RunJobNow runJobNow;

    public JobController(JobHistory jobHistory, RunJobNow runJobNow) {
        this.jobHistory = jobHistory;
        this.runJobNow = runJobNow;
    }

    /** A run; {@code outcome} is RUNNING, SUCCEEDED, FAILED or ABANDONED; {@code dueAt} null when run ahead of schedule. */
    public record RunView(String id, String job, String node, String trigger, String dueAt, String startedAt,
            String finishedAt, String outcome, Map<String, Long> counts, String details) {

        static RunView of(JobRun r) {
            return r == null ? null : new RunView(r.id(), r.job(), r.node(), r.trigger(), text(r.dueAt()),
                    text(r.startedAt()), text(r.finishedAt()), r.outcome().name(), r.counts(), r.details());
        }
    }

    /** {@code lease}: the node running it now (or that stopped while running it, until the lease expires). */
    public record JobView(String name, String schedule, String nextDueAt, Lease lease, RunView lastRun) {

        static JobView of(JobOverview j) {
            return new JobView(j.name(), j.schedule(), text(j.nextDueAt()),
                    j.leaseOwner() == null ? null : new Lease(j.leaseOwner(), text(j.leaseExpiresAt())),
                    RunView.of(j.lastRun()));
        }
    }

    public record Lease(String node, String expiresAt) {
    }

    /** {@code run} is null when the job belongs to another node, which runs it on its next tick. */
    public record RunRequested(String job, String dueAt, RunView run) {
    }

    @GetMapping
    @RequiresPermission(Permission.AUDIT_READ)
    public List<JobView> list() {
        return jobHistory.jobs().stream().map(JobView::of).toList();
    }

    @GetMapping("/{name}")
    @RequiresPermission(Permission.AUDIT_READ)
    public JobView job(@PathVariable String name) {
        return JobView.of(jobHistory.job(name));
    }

    @GetMapping("/{name}/runs")
    @RequiresPermission(Permission.AUDIT_READ)
    public List<RunView> runs(@PathVariable String name, @RequestParam(defaultValue = "20") int limit) {
        return jobHistory.runs(name, limit).stream().map(RunView::of).toList();
    }

    @GetMapping("/{name}/runs/{id}")
    @RequiresPermission(Permission.AUDIT_READ)
    public RunView run(@PathVariable String name, @PathVariable String id) {
        return RunView.of(jobHistory.run(name, id));
    }

    /** 202: the run has started (or the job's own node will start it); poll the run for its outcome. */
    @PostMapping("/{name}/run")
    @RequiresPermission(Permission.SYSTEM_CONFIGURE)
    public ResponseEntity<RunRequested> runNow(@PathVariable String name, AuthenticatedOperator operator) {
        RunJobNow.Requested requested = runJobNow.run(name, operator.actor());
        ResponseEntity.BodyBuilder accepted = ResponseEntity.status(HttpStatus.ACCEPTED);
        if (requested.run() != null) {
            accepted.location(URI.create("/api/v1/jobs/" + name + "/runs/" + requested.run().id()));
        }
        return accepted.body(new RunRequested(requested.job(), text(requested.dueAt()), RunView.of(requested.run())));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
