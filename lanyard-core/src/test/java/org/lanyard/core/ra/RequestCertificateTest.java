package org.lanyard.core.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lanyard.core.ra.RaFixture.as;
import static org.lanyard.core.ra.RaFixture.csr;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.acme.AcmeCaller;
import org.lanyard.core.ca.CertificateStatus;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.ParsedCsr;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.testing.Chains;
import org.lanyard.core.testing.Csrs;
import org.lanyard.core.testing.Keys;
import org.lanyard.core.testing.Principals;

class RequestCertificateTest {

    private final RaFixture f = new RaFixture();

    @Test
    void profileWithoutApprovalIssuesAtOnceAndCompletesTheRequest() throws Exception {
        RequestCertificate.Outcome outcome = f.aliceAsks("tls-server", "www.example.com");

        assertThat(outcome.pending()).isFalse();
        Chains.validate(outcome.issued().certificate(), outcome.issued().chain(), f.system.clock.instant());
        Request request = outcome.request();
        assertThat(request.state()).isEqualTo(RequestState.COMPLETED);
        assertThat(request.certificateSerial()).isEqualTo(outcome.issued().record().serialHex());
        assertThat(request.requester()).isEqualTo(new Requester(Principal.Kind.OPERATOR, f.alice.actor()));
        assertThat(request.history()).extracting(RequestEvent::event)
                .containsExactly("requested", "approved", "completed");
        assertThat(f.system.requests.find(request.id())).contains(request);
        assertThat(f.actions()).containsExactly("request.created", "request.approved",
                "certificate.requested", "certificate.issued", "request.completed");
        assertThat(f.system.certificates.find(outcome.issued().certificate().getSerialNumber()).orElseThrow().status())
                .isEqualTo(CertificateStatus.VALID);
    }

    @Test
    void profileWithApprovalsRecordsAPendingRequestAndIssuesNothing() {
        ParsedCsr csr = csr("pending.example.com");
        RequestCertificate.Outcome outcome = f.system.requestCertificate.request(as(f.alice), "tls-two", csr,
                Map.of("o", "Example"));

        assertThat(outcome.pending()).isTrue();
        Request request = outcome.request();
        assertThat(request.state()).isEqualTo(RequestState.PENDING);
        assertThat(request.type()).isEqualTo(RequestType.ISSUE);
        assertThat(request.approvalsRequired()).isEqualTo(2);
        assertThat(request.csr()).isEqualTo(csr.der());
        assertThat(request.variables()).isEqualTo(Map.of("o", "Example"));
        assertThat(request.issuerId()).isEqualTo("test-p256");
        assertThat(request.history()).extracting(RequestEvent::event).containsExactly("requested");
        assertThat(f.system.certificates.search(new org.lanyard.core.ca.CertificateQuery(null, null, null, null, null,
                null, null, new org.lanyard.core.PageRequest(0, 10))).total()).isZero();
        assertThat(f.actions()).containsExactly("request.created");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                // what is wrong, profile, CSR, who asks, code, kind
                Arguments.of("key type the profile refuses", "tls-two",
                        Csrs.parsed(Keys.rsa(1024), "", Csrs.dns("x.example.com")), "alice", "key-algorithm-allowed",
                        ErrorKind.BAD_KEY),
                Arguments.of("SAN type the profile refuses", "tls-two",
                        Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256), "", Csrs.san("EMAIL:a@example.com")), "alice",
                        "san-type-allowed", ErrorKind.IDENTIFIER_REJECTED),
                Arguments.of("no SAN where one is required", "tls-server",
                        Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256), "CN=x"), "alice", "san-required",
                        ErrorKind.IDENTIFIER_REJECTED),
                Arguments.of("unknown profile", "no-such-profile", csr("x.example.com"), "alice", "profile-unknown",
                        ErrorKind.NOT_FOUND),
                Arguments.of("operator without CERTIFICATE_ISSUE", "tls-two", csr("x.example.com"), "ada",
                        "permission-denied", ErrorKind.FORBIDDEN),
                Arguments.of("OCSP signing without ISSUER_MANAGE", "ocsp-two",
                        Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256), "CN=OCSP"), "alice", "profile-restricted",
                        ErrorKind.FORBIDDEN),
                Arguments.of("ACME account under a profile needing approval", "tls-two", csr("x.example.com"),
                        "acme", "approval-unsupported", ErrorKind.POLICY_REFUSED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusalRecordsNothing(String name, String profile, ParsedCsr csr, String who, String code, ErrorKind kind) {
        Principal principal = switch (who) {
            case "alice" -> as(f.alice);
            case "ada" -> as(f.ada);
            default -> new Principal.AcmeAccount("acct1", AcmeCaller.actor("acct1"));
        };

        assertThatThrownBy(() -> f.system.requestCertificate.request(principal, profile, csr, Map.of()))
                .isInstanceOfSatisfying(LanyardException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.kind()).isEqualTo(kind);
                });
        assertThat(f.system.requests.all()).as("requests").isEmpty();
        assertThat(f.events()).as("audit events").isZero();
        assertThat(f.system.certificates.search(new org.lanyard.core.ca.CertificateQuery(null, null, null, null, null,
                null, null, new org.lanyard.core.PageRequest(0, 10))).total()).as("certificates").isZero();
    }

    @Test
    void rateLimitRefusesTheRequesterOverItsCountUntilTheWindowPasses() {
        // TestSystem allows 20 requests per hour and requester
        for (int i = 0; i < 20; i++) {
            f.system.requestCertificate.request(as(f.alice), "tls-two", csr("r" + i + ".example.com"), Map.of());
        }

        assertThatThrownBy(() -> f.aliceAsks("tls-two", "r20.example.com"))
                .isInstanceOfSatisfying(LanyardException.class, e -> {
                    assertThat(e.code()).isEqualTo("request-rate");
                    assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
                    assertThat(e.properties()).containsEntry("rule", "request-rate")
                            .containsEntry("retryAfter", 3600L);
                });
        assertThat(f.system.requests.all()).hasSize(20);
        // another requester has its own count; system jobs have none
        assertThat(f.system.requestCertificate.request(as(f.bob), "tls-two", csr("b.example.com"), Map.of()).pending())
                .isTrue();
        f.system.clock.advance(Duration.ofMinutes(61));
        assertThat(f.aliceAsks("tls-two", "later.example.com").pending()).isTrue();
    }

    @Test
    void systemJobsAreNeitherRateLimitedNorKeptWaiting() {
        // the system's own certificates (its TLS certificate) renew unattended, whatever the profile says
        Principal job = new Principal.SystemJob("server-tls");
        for (int i = 0; i < 25; i++) {
            f.system.requestCertificate.request(job, "tls-two", csr("j" + i + ".example.com"), Map.of());
        }
        assertThat(f.system.requests.all()).hasSize(25).allSatisfy(r -> {
            assertThat(r.requester().kind()).isEqualTo(Principal.Kind.SYSTEM_JOB);
            assertThat(r.state()).isEqualTo(RequestState.COMPLETED);
            assertThat(r.history().get(1).comment()).isEqualTo("a system job's own request needs no approval");
        });
    }

    @Test
    void failureInTheCaAfterRecordingLeavesTheRequestFailedWithTheCode() {
        f.system.certificates.failOnComplete = new LanyardException(ErrorKind.INTERNAL, "store-failed", "injected");

        assertThatThrownBy(() -> f.aliceAsks("tls-server", "fail.example.com")).isInstanceOf(LanyardException.class)
                .extracting("code").isEqualTo("store-failed");

        Request request = f.system.requests.all().get(0);
        assertThat(request.state()).isEqualTo(RequestState.FAILED);
        assertThat(request.failure()).isEqualTo("store-failed");
        assertThat(request.history()).extracting(RequestEvent::event).containsExactly("requested", "approved", "failed");
        assertThat(f.actions()).contains("request.failed");
    }

    @Test
    void localOperatorActsWithEveryPermissionUnderItsCliName() {
        Principal.Operator cli = Principal.localOperator("root");
        assertThat(cli.actor().id()).isEqualTo("cli");
        assertThat(cli.actor().name()).isEqualTo("cli:root");
        assertThat(List.of(Permission.values())).allSatisfy(p -> assertThat(cli.operator().may(p)).isTrue());

        RequestCertificate.Outcome outcome = f.system.requestCertificate.request(cli, "ocsp-signing",
                Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256), "CN=OCSP"), Map.of());
        assertThat(outcome.request().state()).isEqualTo(RequestState.COMPLETED);
        assertThat(outcome.issued().record().requestedBy()).isEqualTo("cli:root (cli)");
    }

    @Test
    void principalsWithoutPermissionsStillReachTheRuleTheyBreak() {
        // ACME accounts hold no permissions; the endpoint's offer authorises them
        Principal account = new Principal.AcmeAccount("acct2", AcmeCaller.actor("acct2"));
        assertThat(account.may(Permission.CERTIFICATE_ISSUE, org.lanyard.core.operator.Scope.system())).isFalse();
        RequestCertificate.Outcome outcome = f.system.requestCertificate.request(account, "tls-server",
                csr("acme.example.com"), Map.of());
        assertThat(outcome.request().requester().actor().id()).isEqualTo("acme:acct2");
        assertThat(outcome.request().state()).isEqualTo(RequestState.COMPLETED);
        assertThat(Principals.owner("x").may(Permission.REQUEST_APPROVE)).isTrue();
    }
}
