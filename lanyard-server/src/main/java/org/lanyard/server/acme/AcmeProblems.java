package org.lanyard.server.acme;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lanyard.core.ErrorCode;
import org.lanyard.core.LanyardException;
import org.lanyard.core.acme.AcmeError;
import org.lanyard.core.acme.Identifier;
import org.lanyard.app.acme.Acme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The ACME edge of the error model (ADR 0005, 0013): a {@link LanyardException} becomes an RFC 8555
 * §6.7 problem document {@code urn:ietf:params:acme:error:<type>}, type and status chosen by
 * {@link AcmeErrorMapping} from its code and kind, with subproblems, a fresh Replay-Nonce (so a
 * client can retry after {@code badNonce}) and Retry-After when rate limited or unavailable.
 */
@RestControllerAdvice(assignableTypes = AcmeController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AcmeProblems {

    private static final Logger LOG = LoggerFactory.getLogger(AcmeProblems.class);
    static final MediaType PROBLEM = MediaType.parseMediaType("application/problem+json");

    private final Acme wiring;

    public AcmeProblems(Acme acme) {
        this.wiring = acme;
    }

    @ExceptionHandler(LanyardException.class)
    ResponseEntity<Map<String, Object>> lanyard(LanyardException e, HttpServletRequest request) {
        AcmeErrorMapping.Problem problem = AcmeErrorMapping.of(e.kind(), e.code());
        int status = problem.status();
        // acme-serverInternal is raised only by unexpected() below, which has logged the cause
        if (problem.hidesDetail() && !e.code().equals(ErrorCode.ACME_SERVER_INTERNAL.code())) {
            LOG.error("internal failure {} on {} {}", e.code(), request.getMethod(), request.getRequestURI(), e);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.urn());
        body.put("detail", AcmeErrorMapping.detail(problem, e.code(), e.getMessage()));
        body.put("status", status);
        if (e.properties().get(AcmeError.SUBPROBLEMS) instanceof List<?> subs) {
            body.put("subproblems", subs.stream().map(s -> subproblem((AcmeError.Subproblem) s)).toList());
        }
        if (e.properties().get("algorithms") instanceof List<?> algorithms) {
            body.put("algorithms", algorithms);
        }
        HttpHeaders headers = new HttpHeaders();
        try {
            headers.set("Replay-Nonce", wiring.nonces.issue());
        } catch (RuntimeException ignored) {
            // the store is down: the problem still goes out
        }
        if (e.properties().get(AcmeError.RETRY_AFTER) instanceof Number seconds) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds.longValue()));
        }
        if (e.properties().get(AcmeError.LOCATION) instanceof String location && !location.isEmpty()) {
            headers.set(HttpHeaders.LOCATION, location);
        }
        return ResponseEntity.status(status).headers(headers).contentType(PROBLEM).body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof org.springframework.web.HttpMediaTypeNotSupportedException
                || e instanceof org.springframework.http.converter.HttpMessageNotReadableException) {
            return lanyard(AcmeError.MALFORMED.exception("the request cannot be read"), request);
        }
        LOG.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return lanyard(AcmeError.SERVER_INTERNAL.exception("internal failure"), request);
    }

    private static Map<String, Object> subproblem(AcmeError.Subproblem s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", AcmeErrorMapping.ofCode(s.code()).urn());
        out.put("detail", s.detail());
        Identifier id = s.identifier();
        if (id != null) {
            out.put("identifier", Map.of("type", id.type(), "value", id.value()));
        }
        return out;
    }
}
