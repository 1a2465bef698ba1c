package org.lanyard.server.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.lanyard.app.metrics.Metrics;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The REST edge of the error model (ADR 0005): every failure leaves as RFC 9457 problem+json
 * whose {@code type} is {@code urn:lanyard:problem:<code>} and which carries {@code code} (and
 * {@code rule} for policy refusals). Unexpected failures become a bare 500 with no internals.
 */
@RestControllerAdvice
public class Problems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    public static final String TYPE_PREFIX = "urn:lanyard:problem:";

    private final Metrics metrics;

    public Problems(Metrics metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler(LanyardException.class)
    ResponseEntity<ProblemDetail> lanyard(LanyardException e, HttpServletRequest request) {
        HttpStatus status = status(e.kind());
        metrics.refused("rest", e.code(), e.kind().name());
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            // internal details (paths, provider and database messages) go to the log, not to the client
            LOG.error("internal failure {} on {} {}", e.code(), request.getMethod(), request.getRequestURI(), e);
            return ResponseEntity.status(status).body(problem(status, e.code(),
                    "an internal error occurred; nothing was returned that is not stored", request));
        }
        ProblemDetail problem = problem(status, e.code(), e.getMessage(), request);
        e.properties().forEach(problem::setProperty);
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
        if (status == HttpStatus.UNAUTHORIZED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lanyard\"");
        }
        if (status == HttpStatus.TOO_MANY_REQUESTS && e.properties().get("retryAfter") instanceof Number seconds) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds.longValue()));
        }
        return builder.body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (causedByTooLarge(e)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                    "request-too-large", "request bodies are limited to " + BodyLimitFilter.LIMIT + " bytes", request));
        }
        LOG.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal", "an internal error occurred; nothing was returned that is not stored", request));
    }

    /** Spring MVC's own failures (unreadable JSON, wrong method, unknown path…) get a Lanyard type too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (causedByTooLarge(ex)) {
            statusCode = HttpStatus.PAYLOAD_TOO_LARGE;
            body = null;
        }
        ProblemDetail problem = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(statusCode);
        String code = switch (statusCode.value()) {
            case 400 -> "request-malformed";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "request-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + statusCode.value();
        };
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setProperty("code", code);
        if (statusCode.value() == 400) {
            problem.setDetail("the request cannot be read: check the JSON body and parameters");
        } else if (statusCode.value() == 413) {
            problem.setDetail("request bodies are limited to " + BodyLimitFilter.LIMIT + " bytes");
        }
        return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
    }

    private static boolean causedByTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyLimitFilter.TooLarge) {
                return true;
            }
        }
        return false;
    }

    static ProblemDetail problem(HttpStatus status, String code, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(title(code));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", code);
        return problem;
    }

    static HttpStatus status(ErrorKind kind) {
        return switch (kind) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case POLICY_REFUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    private static String title(String code) {
        String words = code.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
