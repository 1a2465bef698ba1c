package org.lanyard.core.acme;

import java.util.HashMap;
import java.util.Map;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;

/**
 * The ACME error types of RFC 8555 §6.7 (and RFC 8657/8737 usage). The core still raises only
 * {@link LanyardException} (ADR 0005): its code is {@code acme-<type>} and its property
 * {@value #TYPE} holds the RFC name, which the ACME edge turns into
 * {@code urn:ietf:params:acme:error:<type>} with {@link #status()}.
 */
public enum AcmeError {
    ACCOUNT_DOES_NOT_EXIST("accountDoesNotExist", 400, ErrorKind.NOT_FOUND),
    ALREADY_REVOKED("alreadyRevoked", 400, ErrorKind.CONFLICT),
    BAD_CSR("badCSR", 400, ErrorKind.INVALID_INPUT),
    BAD_NONCE("badNonce", 400, ErrorKind.INVALID_INPUT),
    BAD_PUBLIC_KEY("badPublicKey", 400, ErrorKind.INVALID_INPUT),
    BAD_REVOCATION_REASON("badRevocationReason", 400, ErrorKind.INVALID_INPUT),
    BAD_SIGNATURE_ALGORITHM("badSignatureAlgorithm", 400, ErrorKind.INVALID_INPUT),
    CAA("caa", 403, ErrorKind.POLICY_REFUSED),
    COMPOUND("compound", 403, ErrorKind.POLICY_REFUSED),
    CONNECTION("connection", 400, ErrorKind.POLICY_REFUSED),
    DNS("dns", 400, ErrorKind.POLICY_REFUSED),
    EXTERNAL_ACCOUNT_REQUIRED("externalAccountRequired", 400, ErrorKind.UNAUTHENTICATED),
    INCORRECT_RESPONSE("incorrectResponse", 403, ErrorKind.POLICY_REFUSED),
    INVALID_CONTACT("invalidContact", 400, ErrorKind.INVALID_INPUT),
    INVALID_PROFILE("invalidProfile", 400, ErrorKind.INVALID_INPUT),
    MALFORMED("malformed", 400, ErrorKind.INVALID_INPUT),
    ORDER_NOT_READY("orderNotReady", 403, ErrorKind.CONFLICT),
    RATE_LIMITED("rateLimited", 429, ErrorKind.POLICY_REFUSED),
    REJECTED_IDENTIFIER("rejectedIdentifier", 400, ErrorKind.POLICY_REFUSED),
    SERVER_INTERNAL("serverInternal", 500, ErrorKind.INTERNAL),
    TLS("tls", 400, ErrorKind.POLICY_REFUSED),
    UNAUTHORIZED("unauthorized", 403, ErrorKind.FORBIDDEN),
    UNSUPPORTED_CONTACT("unsupportedContact", 400, ErrorKind.INVALID_INPUT),
    UNSUPPORTED_IDENTIFIER("unsupportedIdentifier", 400, ErrorKind.INVALID_INPUT),
    USER_ACTION_REQUIRED("userActionRequired", 403, ErrorKind.FORBIDDEN);

    public static final String PREFIX = "urn:ietf:params:acme:error:";
    /** Property of a {@link LanyardException} holding the RFC type name. */
    public static final String TYPE = "acmeType";
    /** Property holding a list of {@link Subproblem}s. */
    public static final String SUBPROBLEMS = "subproblems";
    /** Property overriding {@link #status()}, e.g. 409 for a key rollover to a key in use. */
    public static final String STATUS = "httpStatus";
    /** Property holding the URL of a related resource (sent as Location). */
    public static final String LOCATION = "location";
    /** Property holding seconds until a retry may succeed. */
    public static final String RETRY_AFTER = "retryAfter";

    private final String type;
    private final int status;
    private final ErrorKind kind;

    AcmeError(String type, int status, ErrorKind kind) {
        this.type = type;
        this.status = status;
        this.kind = kind;
    }

    public String type() {
        return type;
    }

    public String urn() {
        return PREFIX + type;
    }

    public int status() {
        return status;
    }

    public LanyardException exception(String detail) {
        return exception(detail, Map.of());
    }

    public LanyardException exception(String detail, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put(TYPE, type);
        return new LanyardException(kind, "acme-" + type, detail, all);
    }

    public static AcmeError byType(String type) {
        for (AcmeError e : values()) {
            if (e.type.equals(type)) {
                return e;
            }
        }
        return null;
    }

    /** A problem about one identifier, inside a {@link #COMPOUND} or other top-level problem. */
    public record Subproblem(String type, String detail, Identifier identifier) {
    }
}
