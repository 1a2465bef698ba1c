package org.lanyard.core.ra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lanyard.core.PageRequest;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.testing.Csrs;
import org.lanyard.core.testing.Keys;

class ListRequestsTest {

    private final RaFixture f = new RaFixture();

    @Test
    void approversSeeWhatTheyMayApproveOthersTheirOwn() {
        String tls = f.aliceAsks("tls-two", "a.example.com").request().id();
        f.system.clock.advance(java.time.Duration.ofSeconds(1));
        String done = f.aliceAsks("tls-server", "b.example.com").request().id();
        f.system.clock.advance(java.time.Duration.ofSeconds(1));
        String ocsp = f.system.requestCertificate.request(RaFixture.as(f.olga), "ocsp-two",
                Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256), "CN=OCSP"), Map.of()).request().id();
        f.system.clock.advance(java.time.Duration.ofSeconds(1));
        String rita = f.system.requestCertificate.request(RaFixture.as(f.rita), "tls-two",
                RaFixture.csr("r.example.com"), Map.of()).request().id();
        PageRequest page = new PageRequest(0, 50);

        // Bob approves tls-two but could not issue ocsp-two
        assertThat(f.system.listRequests.list(f.bob, RequestState.PENDING, page).items()).extracting(Request::id)
                .containsExactly(tls, rita);
        assertThat(f.system.listRequests.list(f.olga, RequestState.PENDING, page).items()).extracting(Request::id)
                .containsExactly(tls, ocsp, rita);
        assertThat(f.system.listRequests.list(f.olga, null, page).total()).isEqualTo(4);
        // Rita may not approve: she sees her own
        assertThat(f.system.listRequests.list(f.rita, null, page).items()).extracting(Request::id).containsExactly(rita);
        assertThat(f.system.listRequests.list(f.bob, RequestState.COMPLETED, page).items()).extracting(Request::id)
                .containsExactly(done);
    }
}
