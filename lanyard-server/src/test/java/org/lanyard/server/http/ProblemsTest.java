package org.lanyard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ErrorCode;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** The REST edge answers the finer kinds of v2 (ADR 0013) with their statuses and headers. */
class ProblemsTest {

    final Problems problems = new Problems(new org.lanyard.app.metrics.Metrics());
    final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/certificates");

    @Test
    void aBadCsrIsA400WithItsCode() {
        ResponseEntity<ProblemDetail> answer = problems.lanyard(LanyardException.of(ErrorCode.CSR_MALFORMED,
                "the CSR cannot be read"), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().getType().toString()).isEqualTo("urn:lanyard:problem:csr-malformed");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "csr-malformed");
        assertThat(answer.getBody().getDetail()).isEqualTo("the CSR cannot be read");
    }

    @Test
    void refusedKeysAndNamesStay422() {
        assertThat(problems.lanyard(new LanyardException(ErrorKind.BAD_KEY, "key-algorithm-allowed", "no"), request)
                .getStatusCode().value()).isEqualTo(422);
        assertThat(problems.lanyard(new LanyardException(ErrorKind.IDENTIFIER_REJECTED, "dns-name-allowed", "no"),
                request).getStatusCode().value()).isEqualTo(422);
    }

    @Test
    void aRateLimitIs429WithRetryAfter() {
        ResponseEntity<ProblemDetail> answer = problems.lanyard(new LanyardException(ErrorKind.RATE_LIMITED,
                "acme-rateLimited", "too many", Map.of(LanyardException.RETRY_AFTER, 60L)), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(429);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
    }

    @Test
    void anUnavailableStoreIs503WithoutInternals() {
        ResponseEntity<ProblemDetail> answer = problems.lanyard(new LanyardException(ErrorKind.UNAVAILABLE,
                "store-unavailable", "the store failed to begin a transaction (SQLSTATE 08001)",
                Map.of(LanyardException.RETRY_AFTER, 5)), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getDetail()).doesNotContain("SQLSTATE");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "store-unavailable");
    }

    @Test
    void aClientCertificateBoundToNoOperatorIsStill401() {
        // certificate-unknown is NOT_FOUND in the catalogue; the status follows the raised kind
        assertThat(problems.lanyard(new LanyardException(ErrorKind.UNAUTHENTICATED, "certificate-unknown", "no"),
                request).getStatusCode().value()).isEqualTo(401);
    }
}
