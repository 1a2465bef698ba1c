package org.lanyard.core.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.CertificateRecord;
import org.lanyard.core.ca.CertificateStatus;
import org.lanyard.core.ca.Certificates;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.operator.AuthenticatedOperator;
import org.lanyard.core.testing.Chains;
import org.lanyard.core.testing.Csrs;
import org.lanyard.core.testing.Keys;

class ApproveRequestTest {

    private final RaFixture f = new RaFixture();

    private Request approve(AuthenticatedOperator who, String id, String comment) {
        return f.system.approveRequest.approve(who, id, comment);
    }

    @Test
    void nthDistinctApprovalIssuesAndEachStepIsAudited() throws Exception {
        String id = f.aliceAsks("tls-two", "four-eyes.example.com").request().id();

        Request afterFirst = approve(f.bob, id, "ticket 42 checked");
        assertThat(afterFirst.state()).isEqualTo(RequestState.PENDING);
        assertThat(afterFirst.approvals()).extracting(Approval::operator).containsExactly(f.bob.actor());
        assertThat(afterFirst.approvals().get(0).comment()).isEqualTo("ticket 42 checked");
        assertThat(afterFirst.certificateSerial()).isNull();

        Request done = approve(f.carol, id, null);
        assertThat(done.state()).isEqualTo(RequestState.COMPLETED);
        assertThat(done.approvals()).extracting(Approval::operator).containsExactly(f.bob.actor(), f.carol.actor());
        assertThat(done.history()).extracting(RequestEvent::event)
                .containsExactly("requested", "approval", "approval", "approved", "completed");
        assertThat(done.history()).extracting(e -> e.actor().id())
                .containsExactly("op-alice", "op-bob", "op-carol", "op-carol", "op-carol");
        CertificateRecord record = f.system.certificates.find(new BigInteger(done.certificateSerial(), 16)).orElseThrow();
        assertThat(record.status()).isEqualTo(CertificateStatus.VALID);
        assertThat(record.requestedBy()).as("the certificate is the requester's").isEqualTo(f.alice.actor().toString());
        var certificate = Certificates.parse(record.der());
        Chains.validate(certificate, f.system.issuers.find(null).chain(), f.system.clock.instant());
        assertThat(f.actions()).containsExactly("request.created", "request.approval",
                "request.approval", "request.approved", "certificate.requested", "certificate.issued",
                "request.completed");
        assertThat(f.system.verifyAudit.verify().problem().name()).isEqualTo("NONE");
    }

    @Test
    void requesterCannotApproveItsOwnRequest() {
        String id = f.aliceAsks("tls-two", "own.example.com").request().id();
        int events = f.system.auditLog.stored().size();

        assertRefused(() -> approve(f.alice, id, null), "approval-by-requester", ErrorKind.POLICY_REFUSED);

        assertThat(f.system.requests.find(id).orElseThrow().approvals()).isEmpty();
        assertThat(f.system.auditLog.stored()).hasSize(events);
    }

    @Test
    void oneOperatorCannotApproveTwice() {
        String id = f.aliceAsks("tls-two", "twice.example.com").request().id();
        approve(f.bob, id, null);

        assertRefused(() -> approve(f.bob, id, "again"), "approval-duplicate", ErrorKind.POLICY_REFUSED);

        Request request = f.system.requests.find(id).orElseThrow();
        assertThat(request.approvals()).hasSize(1);
        assertThat(request.state()).isEqualTo(RequestState.PENDING);
    }

    @Test
    void nobodyApprovesWhatTheyCouldNotIssueThemselves() {
        // Ada may approve but not issue; Bob may issue but not under a profile that acts for the CA
        String tls = f.aliceAsks("tls-two", "ada.example.com").request().id();
        assertRefused(() -> approve(f.ada, tls, null), "approver-may-issue", ErrorKind.FORBIDDEN);

        String ocsp = f.system.requestCertificate.request(RaFixture.as(f.olga), "ocsp-two",
                Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256), "CN=OCSP"), java.util.Map.of()).request().id();
        assertRefused(() -> approve(f.bob, ocsp, null), "approver-may-issue", ErrorKind.FORBIDDEN);
        assertThat(f.system.requests.find(ocsp).orElseThrow().approvals()).isEmpty();
    }

    @Test
    void operatorWithoutTheApprovalPermissionIsRefused() {
        String id = f.aliceAsks("tls-two", "rita.example.com").request().id();
        assertRefused(() -> approve(f.rita, id, null), "permission-denied", ErrorKind.FORBIDDEN);
    }

    @Test
    void onlyPendingRequestsAreApproved() {
        String id = f.aliceAsks("tls-two", "late.example.com").request().id();
        f.system.rejectRequest.reject(f.bob, id, "no");

        assertRefused(() -> approve(f.carol, id, null), "request-not-pending", ErrorKind.CONFLICT);
        assertRefused(() -> approve(f.carol, "no-such-request", null), "request-unknown", ErrorKind.NOT_FOUND);
    }

    @Test
    void issuanceThatFailsAfterTheLastApprovalLeavesTheRequestFailed() {
        String id = f.aliceAsks("tls-two", "broken.example.com").request().id();
        approve(f.bob, id, null);
        f.system.certificates.failOnComplete = new LanyardException(ErrorKind.INTERNAL, "store-failed", "injected");

        Request failed = approve(f.carol, id, null);

        assertThat(failed.state()).isEqualTo(RequestState.FAILED);
        assertThat(failed.failure()).isEqualTo("store-failed");
        assertThat(failed.history()).extracting(RequestEvent::event).endsWith("approved", "failed");
        assertThat(f.actions()).endsWith("request.approved", "certificate.requested",
                "certificate.failed", "request.failed");
    }

    @Test
    void policyRunsAgainAtIssuance() {
        String id = f.aliceAsks("tls-two", "moved.example.com").request().id();
        approve(f.bob, id, null);
        // the profile narrows while the request waits: the CA refuses what it no longer allows
        var profile = f.system.profiles.find("tls-two").orElseThrow();
        f.system.profiles.save(new org.lanyard.core.ca.CertificateProfile(profile.id(), profile.name(),
                profile.description(), profile.allowedKeys(), profile.validity(), profile.keyUsage(),
                profile.extendedKeyUsage(), profile.subjectTemplate(), profile.allowedSanTypes(),
                List.of("*.internal.example"), profile.sanRequired(), profile.maxSans(),
                profile.crlDistributionPoints(), profile.caIssuersUrl(), profile.ocspUrl(),
                profile.serverKeyGeneration(), profile.issuerId(), 2));

        Request failed = approve(f.carol, id, null);

        assertThat(failed.state()).isEqualTo(RequestState.FAILED);
        assertThat(failed.failure()).isEqualTo("dns-name-allowed");
        assertThat(f.actions()).doesNotContain("certificate.requested");
    }

    @Test
    void raisingTheProfilesApprovalsAppliesToWaitingRequests() {
        String id = f.aliceAsks("tls-two", "raised.example.com").request().id();
        f.system.profiles.save(f.system.profiles.find("tls-two").orElseThrow().withApprovalsRequired(3));

        approve(f.bob, id, null);
        assertThat(approve(f.carol, id, null).state()).isEqualTo(RequestState.PENDING);
        assertThat(approve(f.olga, id, null).state()).isEqualTo(RequestState.COMPLETED);
    }

    @Test
    void tooLongCommentIsRefusedAsInput() {
        String id = f.aliceAsks("tls-two", "comment.example.com").request().id();
        assertRefused(() -> approve(f.bob, id, "x".repeat(1001)), "comment-invalid", ErrorKind.INVALID_INPUT);
    }

    static void assertRefused(Runnable call, String code, ErrorKind kind) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LanyardException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.kind()).isEqualTo(kind);
        });
    }
}
