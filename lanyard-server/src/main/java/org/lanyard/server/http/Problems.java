package org.lanyard.server.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.lanyard.app.metrics.Metrics;
import org.lanyard.core.ErrorCode;
import org.lanyard.core.ErrorGroup;
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
 * The REST edge of the error model (ADR 0005, 0013): every failure leaves as RFC 9457 problem+json
 * whose {@code type} is {@code urn:lanyard:problem:<code>} and which carries {@code code} (and
 * {@code rule} for policy refusals). The status comes from the kind ({@link #status(ErrorKind)}),
 * only here; unexpected failures become a bare 500 with no internals. Rate limits and
 * unavailability carry Retry-After when the failure says when.
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
        HttpStatus status = status(e.kind(), e.code());
        metrics.refused("rest", e.code(), e.kind().name());
        if (status == HttpStatus.INTERNAL_SERVER_ERROR || status == HttpStatus.SERVICE_UNAVAILABLE) {
            // internal details (paths, provider and database messages) go to the log, not to the client
            LOG.error("internal failure {} on {} {}", e.code(), request.getMethod(), request.getRequestURI(), e);
            ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
            retryAfter(e).ifPresent(seconds -> builder.header(HttpHeaders.RETRY_AFTER, seconds));
            return builder.body(problem(status, e.code(), status == HttpStatus.SERVICE_UNAVAILABLE
                    ? "the service is unavailable for now; retry later"
                    : "an internal error occurred; nothing was returned that is not stored", request));
        }
        ProblemDetail problem = problem(status, e.code(), e.getMessage(), request);
        e.properties().forEach(problem::setProperty);
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
        if (status == HttpStatus.UNAUTHORIZED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lanyard\"");
        }
        retryAfter(e).ifPresent(seconds -> builder.header(HttpHeaders.RETRY_AFTER, seconds));
        return builder.body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (causedByTooLarge(e)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                    ErrorCode.REQUEST_TOO_LARGE.code(), "request bodies are limited to " + BodyLimitFilter.LIMIT + " bytes", request));
        }
        LOG.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                ErrorCode.INTERNAL.code(), "an internal error occurred; nothing was returned that is not stored", request));
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
            case 400 -> ErrorCode.REQUEST_MALFORMED.code();
            case 404 -> ErrorCode.NOT_FOUND.code();
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED.code();
            case 406 -> ErrorCode.NOT_ACCEPTABLE.code();
            case 413 -> ErrorCode.REQUEST_TOO_LARGE.code();
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE.code();
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

    /**
     * The status of a failure: by its kind, except the codes of this edge that name an HTTP failure
     * of their own (method, media type, size). The switch has no default, so a new kind does not
     * compile until it has a status. BAD_CSR is a malformed input (400); BAD_KEY and
     * IDENTIFIER_REJECTED are policy refusals (422), the statuses their codes had in v1.
     */
    static HttpStatus status(ErrorKind kind, String code) {
        ErrorCode known = ErrorCode.find(code).orElse(null);
        if (known == null || known.group() != ErrorGroup.EDGE) {
            return status(kind);
        }
        return switch (known) {
            case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> HttpStatus.NOT_ACCEPTABLE;
            case REQUEST_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            default -> status(kind);
        };
    }

    static HttpStatus status(ErrorKind kind) {
        return switch (kind) {
            case INVALID_INPUT, BAD_CSR -> HttpStatus.BAD_REQUEST;
            case POLICY_REFUSED, BAD_KEY, IDENTIFIER_REJECTED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    private static java.util.Optional<String> retryAfter(LanyardException e) {
        return e.properties().get(LanyardException.RETRY_AFTER) instanceof Number seconds
                ? java.util.Optional.of(Long.toString(seconds.longValue())) : java.util.Optional.empty();
    }

    private static String title(String code) {
        String words = code.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
