package org.lanyard.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * What an operator's dashboard needs to see of one node, in Prometheus' text format: certificates
 * issued and failed, refusals by the rule that refused, signer latency and failures, OCSP answers,
 * job runs, and the JVM. Counters are per node; Prometheus sums the nodes. Names and tags never
 * carry subjects, serials or secrets: only profile, issuer, rule and outcome names, which are
 * few, so the series stay bounded.
 */
public final class Metrics implements AutoCloseable {

    /** The content type of {@link #scrape()} (Prometheus text exposition 0.0.4). */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Metrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter, as Prometheus scrapes it. */
    public String scrape() {
        return registry.scrape();
    }

    /** A certificate was stored as issued. */
    public void issued(String profile, String issuer) {
        Counter.builder("lanyard.certificates.issued").description("certificates issued and stored")
                .tag("profile", profile).tag("issuer", issuer).register(registry).increment();
    }

    /** A reserved certificate was not issued; {@code reason} is the error code (lint-… for lint failures). */
    public void failed(String reason) {
        Counter.builder("lanyard.certificates.failed").description("reserved certificates that failed lint or signing")
                .tag("reason", reason).tag("lint", Boolean.toString(reason.startsWith("lint-")))
                .register(registry).increment();
    }

    /** A request was refused at a front end; {@code code} names the rule or check that refused. */
    public void refused(String frontEnd, String code, String kind) {
        Counter.builder("lanyard.requests.refused").description("requests refused, by the rule that refused")
                .tag("front_end", frontEnd).tag("code", code).tag("kind", kind).register(registry).increment();
    }

    /** One signature by a CA or OCSP key. */
    public void signed(String algorithm, String vault, Duration took, boolean succeeded) {
        Timer.builder("lanyard.signer").description("signatures by CA and OCSP keys")
                .tag("algorithm", algorithm).tag("vault", vault).tag("outcome", succeeded ? "ok" : "failed")
                .publishPercentileHistogram(false).register(registry).record(took);
        if (!succeeded) {
            Counter.builder("lanyard.signer.failures").description("signatures that failed")
                    .tag("algorithm", algorithm).tag("vault", vault).register(registry).increment();
        }
    }

    /** One OCSP answer: the response status and, when successful, the first certificate's state. */
    public void ocspAnswered(String outcome, String state) {
        Counter.builder("lanyard.ocsp.responses").description("OCSP responses sent")
                .tag("outcome", outcome).tag("state", state).register(registry).increment();
    }

    /** One job run ended. */
    public void jobRun(String job, String outcome, Duration took) {
        Timer.builder("lanyard.jobs.runs").description("job runs by outcome").tag("job", job).tag("outcome", outcome)
                .register(registry).record(took);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
