package org.lanyard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lanyard.core.Actor;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.operator.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The jobs over the real server (docs/flows/jobs.md): the validation jobs ran before the server
 * reported ready and left their runs; an operator lists jobs and runs, runs a job now (202, audited)
 * and follows the run to its outcome; unknown jobs are 404 problem+json; reading needs AUDIT_READ
 * and running SYSTEM_CONFIGURE.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    TestServer server;
    String auditor;

    abstract String postgresUrl();

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(TestServer.tempDir(), postgresUrl());
        server.lanyard.saveRole().save(new Role("auditor", "Auditor", "reads the log",
                Set.of(Permission.AUDIT_READ), false), Actor.SYSTEM);
        var operator = server.lanyard.createOperator().create("op-auditor", null, Set.of("auditor"), Actor.SYSTEM);
        auditor = server.lanyard.issueApiToken().issue(operator.id(), "test", null, Actor.SYSTEM).secret();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    JsonNode job(JsonNode jobs, String name) {
        for (JsonNode job : jobs) {
            if (job.get("name").asString().equals(name)) {
                return job;
            }
        }
        throw new AssertionError("no job " + name + " in " + jobs);
    }

    @Test
    void theValidationJobsRanBeforeTheServerReportedReady() throws Exception {
        JsonNode jobs = json(server.get("/api/v1/jobs", auditor), 200);

        List<String> names = new ArrayList<>();
        jobs.forEach(j -> names.add(j.get("name").asString()));
        assertThat(names).contains("crl-publication", "ocsp-signer-renewal", "ocsp-presign@test-node");
        JsonNode crl = job(jobs, "crl-publication");
        assertThat(crl.get("schedule").asString()).isEqualTo("every PT1M");
        assertThat(crl.get("nextDueAt").asString()).isNotBlank();
        JsonNode first = json(server.get("/api/v1/jobs/crl-publication/runs?limit=100", auditor), 200);
        JsonNode atStart = first.get(first.size() - 1);
        assertThat(atStart.get("trigger").asString()).isEqualTo("start");
        assertThat(atStart.get("outcome").asString()).isEqualTo("SUCCEEDED");
        assertThat(atStart.get("node").asString()).isEqualTo("test-node");
        assertThat(atStart.get("counts").get("crls").asLong()).as("the issuing CA's shards got CRLs").isPositive();
        assertThat(atStart.get("counts").get("failed")).isNull();
        assertThat(atStart.get("finishedAt").asString()).isNotBlank();
        JsonNode renewal = json(server.get("/api/v1/jobs/ocsp-signer-renewal/runs", auditor), 200);
        JsonNode renewalAtStart = renewal.get(renewal.size() - 1);
        assertThat(renewalAtStart.get("outcome").asString()).isEqualTo("SUCCEEDED");
        assertThat(renewalAtStart.get("counts").get("renewed").asLong()).isPositive();
        assertThat(server.lanyard.validation().crl("test", 0, false)).isPresent();
    }

    @Test
    void anOperatorRunsAJobNowFollowsItToItsOutcomeAndTheRequestIsAudited() throws Exception {
        HttpResponse<String> response = server.post("/api/v1/jobs/crl-publication/run", null, server.ownerToken);
        JsonNode accepted = json(response, 202);

        JsonNode run = accepted.get("run");
        String id = run.get("id").asString();
        assertThat(run.get("job").asString()).isEqualTo("crl-publication");
        assertThat(run.get("node").asString()).isEqualTo("test-node");
        assertThat(run.get("trigger").asString()).startsWith("manual: ");
        assertThat(run.get("outcome").asString()).isEqualTo("RUNNING");
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/v1/jobs/crl-publication/runs/" + id);

        JsonNode ended = null;
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end) {
            ended = json(server.get(location, auditor), 200);
            if (!ended.get("outcome").asString().equals("RUNNING")) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(ended.get("outcome").asString()).isEqualTo("SUCCEEDED");
        assertThat(ended.get("counts").get("issuers").asLong()).isPositive();
        JsonNode runs = json(server.get("/api/v1/jobs/crl-publication/runs?limit=1", auditor), 200);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("id").asString()).as("newest first").isEqualTo(id);
        assertThat(json(server.get("/api/v1/jobs/crl-publication", auditor), 200).get("lastRun").get("id")
                .asString()).isEqualTo(id);

        JsonNode audit = json(server.get("/api/v1/audit?action=job.run-started&target=crl-publication",
                server.ownerToken), 200);
        assertThat(audit.get("items")).anySatisfy(event -> assertThat(event.get("details").asString()).contains(id));
    }

    @Test
    void aJobOfAnotherNodeIsMadeDueRatherThanRunHere() throws Exception {
        server.lanyard.jobStore().register("ocsp-presign@other-node", "every PT1H",
                java.time.Instant.now().plusSeconds(3600));

        JsonNode accepted = json(server.post("/api/v1/jobs/ocsp-presign@other-node/run", null, server.ownerToken),
                202);

        assertThat(accepted.get("run").isNull()).isTrue();
        JsonNode job = json(server.get("/api/v1/jobs/ocsp-presign@other-node", auditor), 200);
        assertThat(job.get("nextDueAt").asString()).isEqualTo(accepted.get("dueAt").asString());
    }

    @Test
    void unknownJobsAreNotFoundAsProblemJson() throws Exception {
        for (HttpResponse<String> response : List.of(server.get("/api/v1/jobs/no-such-job", auditor),
                server.get("/api/v1/jobs/no-such-job/runs", auditor),
                server.get("/api/v1/jobs/crl-publication/runs/no-such-run", auditor),
                server.post("/api/v1/jobs/no-such-job/run", null, server.ownerToken))) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(response.body()).get("type").asString()).startsWith("urn:lanyard:problem:job-");
        }
        assertThat(json(server.get("/api/v1/jobs/crl-publication/runs?limit=0", auditor), 400).get("code")
                .asString()).isEqualTo("limit-invalid");
    }

    @Test
    void readingNeedsAuditReadAndRunningNeedsSystemConfigure() throws Exception {
        assertThat(server.get("/api/v1/jobs", null).statusCode()).isEqualTo(401);
        HttpResponse<String> refused = server.post("/api/v1/jobs/crl-publication/run", null, auditor);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("permission-denied");
        assertThat(server.get("/api/v1/jobs/crl-publication/runs", auditor).statusCode()).isEqualTo(200);
    }
}
