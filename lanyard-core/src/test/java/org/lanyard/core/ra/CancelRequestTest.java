package org.lanyard.core.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lanyard.core.ra.ApproveRequestTest.assertRefused;
import static org.lanyard.core.ra.RaFixture.as;

import org.junit.jupiter.api.Test;
import org.lanyard.core.ErrorKind;

class CancelRequestTest {

    private final RaFixture f = new RaFixture();

    @Test
    void requesterCancelsItsOwnRequest() {
        String id = f.aliceAsks("tls-two", "withdrawn.example.com").request().id();

        Request cancelled = f.system.cancelRequest.cancel(as(f.alice), id, "ordered the wrong name");

        assertThat(cancelled.state()).isEqualTo(RequestState.CANCELLED);
        assertThat(cancelled.history()).extracting(RequestEvent::event).containsExactly("requested", "cancelled");
        assertThat(f.actions()).containsExactly("request.created", "request.cancelled");
    }

    @Test
    void approverCancelsAnothersRequest() {
        String id = f.aliceAsks("tls-two", "stale.example.com").request().id();
        assertThat(f.system.cancelRequest.cancel(as(f.bob), id, null).state()).isEqualTo(RequestState.CANCELLED);
    }

    @Test
    void othersWithoutTheApprovalPermissionCannotCancel() {
        String id = f.aliceAsks("tls-two", "kept.example.com").request().id();

        assertRefused(() -> f.system.cancelRequest.cancel(as(f.rita), id, null), "cancel-by-requester-or-approver",
                ErrorKind.FORBIDDEN);

        assertThat(f.system.requests.find(id).orElseThrow().state()).isEqualTo(RequestState.PENDING);
    }

    @Test
    void completedRequestIsNotCancelled() {
        String id = f.aliceAsks("tls-server", "done.example.com").request().id();
        assertRefused(() -> f.system.cancelRequest.cancel(as(f.alice), id, null), "request-not-pending",
                ErrorKind.CONFLICT);
    }
}
