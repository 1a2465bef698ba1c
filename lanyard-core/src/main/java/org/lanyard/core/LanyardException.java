package org.lanyard.core;

import java.util.Map;

/**
 * The one error type the core raises. Each carries a {@link ErrorKind} (what went wrong, in
 * protocol-neutral terms) and a stable {@code code} that names the failure or the policy rule
 * that refused. Only the edges translate it: REST into RFC 9457 problem+json, ACME into ACME
 * error types, and so on (see docs/adr/0005-error-model.md).
 */
public class LanyardException extends RuntimeException {

    /**
     * Property holding the seconds after which a retry may succeed ({@link ErrorKind#RATE_LIMITED},
     * {@link ErrorKind#UNAVAILABLE}); the edges send it as Retry-After.
     */
    public static final String RETRY_AFTER = "retryAfter";

    private final ErrorKind kind;
    private final String code;
    private final Map<String, Object> properties;

    public LanyardException(ErrorKind kind, String code, String detail) {
        this(kind, code, detail, Map.of(), null);
    }

    public LanyardException(ErrorKind kind, String code, String detail, Map<String, Object> properties) {
        this(kind, code, detail, properties, null);
    }

    public LanyardException(ErrorKind kind, String code, String detail, Map<String, Object> properties,
            Throwable cause) {
        super(detail, cause);
        this.kind = kind;
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public ErrorKind kind() {
        return kind;
    }

    /** Stable, kebab-case name of the failure, e.g. {@code csr-malformed} or {@code key-algorithm-allowed}. */
    public String code() {
        return code;
    }

    /** Extra facts for the caller (the refusing rule, the violations); never secrets. */
    public Map<String, Object> properties() {
        return properties;
    }

    /** A catalogued failure: kind and code from the {@link ErrorCode} entry. */
    public static LanyardException of(ErrorCode code, String detail) {
        return new LanyardException(code.kind(), code.code(), detail);
    }

    public static LanyardException of(ErrorCode code, String detail, Map<String, Object> properties) {
        return new LanyardException(code.kind(), code.code(), detail, properties);
    }

    public static LanyardException of(ErrorCode code, String detail, Map<String, Object> properties, Throwable cause) {
        return new LanyardException(code.kind(), code.code(), detail, properties, cause);
    }

    public static LanyardException invalid(String code, String detail) {
        return new LanyardException(ErrorKind.INVALID_INPUT, code, detail);
    }

    public static LanyardException notFound(String code, String detail) {
        return new LanyardException(ErrorKind.NOT_FOUND, code, detail);
    }

    public static LanyardException conflict(String code, String detail) {
        return new LanyardException(ErrorKind.CONFLICT, code, detail);
    }
}
