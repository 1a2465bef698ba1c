package org.lanyard.core.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lanyard.core.ra.ApproveRequestTest.assertRefused;

import org.junit.jupiter.api.Test;
import org.lanyard.core.ErrorKind;

class RejectRequestTest {

    private final RaFixture f = new RaFixture();

    @Test
    void rejectionEndsTheRequestAndNothingIsIssued() {
        String id = f.aliceAsks("tls-two", "rejected.example.com").request().id();
        f.system.approveRequest.approve(f.bob, id, null);

        Request rejected = f.system.rejectRequest.reject(f.carol, id, "not our domain");

        assertThat(rejected.state()).isEqualTo(RequestState.REJECTED);
        assertThat(rejected.certificateSerial()).isNull();
        assertThat(rejected.history()).extracting(RequestEvent::event).containsExactly("requested", "approval",
                "rejected");
        assertThat(rejected.history().get(2).comment()).isEqualTo("not our domain");
        assertThat(f.actions()).containsExactly("request.created", "request.approval",
                "request.rejected");
        // and it stays ended
        assertRefused(() -> f.system.approveRequest.approve(f.olga, id, null), "request-not-pending",
                ErrorKind.CONFLICT);
        assertRefused(() -> f.system.rejectRequest.reject(f.olga, id, null), "request-not-pending", ErrorKind.CONFLICT);
        assertRefused(() -> f.system.cancelRequest.cancel(RaFixture.as(f.alice), id, null), "request-not-pending",
                ErrorKind.CONFLICT);
    }

    @Test
    void rejectingNeedsTheApprovalPermission() {
        String id = f.aliceAsks("tls-two", "rita.example.com").request().id();
        assertRefused(() -> f.system.rejectRequest.reject(f.rita, id, null), "permission-denied", ErrorKind.FORBIDDEN);
        assertThat(f.system.requests.find(id).orElseThrow().state()).isEqualTo(RequestState.PENDING);
    }
}
