package org.lanyard.server.acme;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.lanyard.core.ErrorCode;
import org.lanyard.core.ErrorGroup;
import org.lanyard.core.ErrorKind;

/**
 * The ACME edge of the error model (ADR 0013): which RFC 8555 §6.7 problem type and HTTP status an
 * ACME client sees for a Lanyard failure, decided from its code and kind — never by reading a code
 * prefix. First match wins:
 * <ol>
 * <li>a code with its own entry ({@link #byCode}): each {@code acme-<type>} code of the catalogue
 *     is that type; the lint's codes and {@code subject-variables} are {@code badCSR} (the CSR,
 *     filled into the profile, makes a certificate the CA will not sign); {@code unsupported-media-type}
 *     is {@code malformed} with 415;
 * <li>otherwise the kind ({@link #forKind}); {@code serverInternal} only for INTERNAL and
 *     UNAVAILABLE.
 * </ol>
 * The same mapping renders the errors stored on orders and authorizations (their code), so a
 * refusal reads the same whether it is answered at once or fetched later.
 */
public final class AcmeErrorMapping {

    /** The problem types of RFC 8555 §6.7 (with RFC 8657/8737 use) and the status each has by default. */
    public enum Type {
        ACCOUNT_DOES_NOT_EXIST("accountDoesNotExist", 400),
        ALREADY_REVOKED("alreadyRevoked", 400),
        BAD_CSR("badCSR", 400),
        BAD_NONCE("badNonce", 400),
        BAD_PUBLIC_KEY("badPublicKey", 400),
        BAD_REVOCATION_REASON("badRevocationReason", 400),
        BAD_SIGNATURE_ALGORITHM("badSignatureAlgorithm", 400),
        CAA("caa", 403),
        COMPOUND("compound", 403),
        CONNECTION("connection", 400),
        DNS("dns", 400),
        EXTERNAL_ACCOUNT_REQUIRED("externalAccountRequired", 400),
        INCORRECT_RESPONSE("incorrectResponse", 403),
        INVALID_CONTACT("invalidContact", 400),
        INVALID_PROFILE("invalidProfile", 400),
        MALFORMED("malformed", 400),
        ORDER_NOT_READY("orderNotReady", 403),
        RATE_LIMITED("rateLimited", 429),
        REJECTED_IDENTIFIER("rejectedIdentifier", 400),
        SERVER_INTERNAL("serverInternal", 500),
        TLS("tls", 400),
        UNAUTHORIZED("unauthorized", 403),
        UNSUPPORTED_CONTACT("unsupportedContact", 400),
        UNSUPPORTED_IDENTIFIER("unsupportedIdentifier", 400),
        USER_ACTION_REQUIRED("userActionRequired", 403);

        public static final String PREFIX = "urn:ietf:params:acme:error:";

        private final String name;
        private final int status;

        Type(String name, int status) {
            this.name = name;
            this.status = status;
        }

        /** The RFC name, e.g. {@code badCSR}. */
        public String rfcName() {
            return name;
        }

        public String urn() {
            return PREFIX + name;
        }

        public int status() {
            return status;
        }

        public Problem problem() {
            return new Problem(this, status);
        }

        public Problem problem(int status) {
            return new Problem(this, status);
        }

        static Optional<Type> byRfcName(String name) {
            for (Type t : values()) {
                if (t.name.equals(name)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /** What the client sees: the type and the HTTP status of the problem document. */
    public record Problem(Type type, int status) {
        public String urn() {
            return type.urn();
        }

        /** INTERNAL and UNAVAILABLE: the detail stays in the log. */
        boolean hidesDetail() {
            return type == Type.SERVER_INTERNAL;
        }
    }

    private static final Map<ErrorCode, Problem> BY_CODE = new EnumMap<>(ErrorCode.class);

    static {
        // the ACME failures of the core: one code each, RFC 8555 §6.7
        BY_CODE.put(ErrorCode.ACME_ACCOUNT_DOES_NOT_EXIST, Type.ACCOUNT_DOES_NOT_EXIST.problem());
        BY_CODE.put(ErrorCode.ACME_ALREADY_REVOKED, Type.ALREADY_REVOKED.problem());
        BY_CODE.put(ErrorCode.ACME_BAD_CSR, Type.BAD_CSR.problem());
        BY_CODE.put(ErrorCode.ACME_BAD_NONCE, Type.BAD_NONCE.problem());
        BY_CODE.put(ErrorCode.ACME_BAD_PUBLIC_KEY, Type.BAD_PUBLIC_KEY.problem());
        BY_CODE.put(ErrorCode.ACME_BAD_REVOCATION_REASON, Type.BAD_REVOCATION_REASON.problem());
        BY_CODE.put(ErrorCode.ACME_BAD_SIGNATURE_ALGORITHM, Type.BAD_SIGNATURE_ALGORITHM.problem());
        BY_CODE.put(ErrorCode.ACME_CAA, Type.CAA.problem());
        BY_CODE.put(ErrorCode.ACME_COMPOUND, Type.COMPOUND.problem());
        BY_CODE.put(ErrorCode.ACME_CONNECTION, Type.CONNECTION.problem());
        BY_CODE.put(ErrorCode.ACME_DNS, Type.DNS.problem());
        BY_CODE.put(ErrorCode.ACME_EXTERNAL_ACCOUNT_REQUIRED, Type.EXTERNAL_ACCOUNT_REQUIRED.problem());
        BY_CODE.put(ErrorCode.ACME_INCORRECT_RESPONSE, Type.INCORRECT_RESPONSE.problem());
        BY_CODE.put(ErrorCode.ACME_INVALID_CONTACT, Type.INVALID_CONTACT.problem());
        BY_CODE.put(ErrorCode.ACME_INVALID_PROFILE, Type.INVALID_PROFILE.problem());
        BY_CODE.put(ErrorCode.ACME_MALFORMED, Type.MALFORMED.problem());
        BY_CODE.put(ErrorCode.ACME_ORDER_NOT_READY, Type.ORDER_NOT_READY.problem());
        BY_CODE.put(ErrorCode.ACME_RATE_LIMITED, Type.RATE_LIMITED.problem());
        BY_CODE.put(ErrorCode.ACME_REJECTED_IDENTIFIER, Type.REJECTED_IDENTIFIER.problem());
        BY_CODE.put(ErrorCode.ACME_SERVER_INTERNAL, Type.SERVER_INTERNAL.problem());
        BY_CODE.put(ErrorCode.ACME_TLS, Type.TLS.problem());
        BY_CODE.put(ErrorCode.ACME_UNAUTHORIZED, Type.UNAUTHORIZED.problem());
        BY_CODE.put(ErrorCode.ACME_UNSUPPORTED_CONTACT, Type.UNSUPPORTED_CONTACT.problem());
        BY_CODE.put(ErrorCode.ACME_UNSUPPORTED_IDENTIFIER, Type.UNSUPPORTED_IDENTIFIER.problem());
        BY_CODE.put(ErrorCode.ACME_USER_ACTION_REQUIRED, Type.USER_ACTION_REQUIRED.problem());
        // the certificate the CSR would make fails the lint, or the profile needs subject values the
        // CSR cannot give: "the CSR is unacceptable" (RFC 8555 §7.4), as in v1
        for (ErrorCode code : ErrorCode.values()) {
            if (code.group() == ErrorGroup.LINT) {
                BY_CODE.put(code, Type.BAD_CSR.problem());
            }
        }
        BY_CODE.put(ErrorCode.SUBJECT_VARIABLES, Type.BAD_CSR.problem());
        // ACME requests are application/jose+json (RFC 8555 §6.2)
        BY_CODE.put(ErrorCode.UNSUPPORTED_MEDIA_TYPE, Type.MALFORMED.problem(415));
    }

    private AcmeErrorMapping() {
    }

    /** The problem for a failure raised with {@code kind} and {@code code}. */
    public static Problem of(ErrorKind kind, String code) {
        return byCode(code).orElseGet(() -> forKind(kind));
    }

    /** The problem a code has whatever its kind, if it has one of its own. */
    static Optional<Problem> byCode(String code) {
        return ErrorCode.find(code).map(BY_CODE::get);
    }

    /** The problem for a kind; every kind has one (the switch has no default, so a new kind does not compile). */
    static Problem forKind(ErrorKind kind) {
        return switch (kind) {
            case INVALID_INPUT -> Type.MALFORMED.problem();
            case BAD_CSR -> Type.BAD_CSR.problem();
            // a key refused in a CSR is badCSR ("e.g., due to a short key", RFC 8555 §7.4); badPublicKey
            // is for JWS keys and has its own code (acme-badPublicKey)
            case BAD_KEY -> Type.BAD_CSR.problem();
            case IDENTIFIER_REJECTED -> Type.REJECTED_IDENTIFIER.problem();
            case POLICY_REFUSED, UNAUTHENTICATED, FORBIDDEN -> Type.UNAUTHORIZED.problem();
            case RATE_LIMITED -> Type.RATE_LIMITED.problem();
            case NOT_FOUND -> Type.MALFORMED.problem(404);
            case CONFLICT -> Type.MALFORMED.problem(409);
            case INTERNAL -> Type.SERVER_INTERNAL.problem();
            case UNAVAILABLE -> Type.SERVER_INTERNAL.problem(503);
        };
    }

    /**
     * The problem for a code alone: an error stored on an order or authorization, or a subproblem.
     * Rows written before v2 hold the RFC type name itself, which is taken as it is.
     */
    static Problem ofCode(String value) {
        Optional<ErrorCode> code = ErrorCode.find(value);
        if (code.isPresent()) {
            return of(code.get().kind(), value);
        }
        return Type.byRfcName(value).map(Type::problem).orElse(Type.SERVER_INTERNAL.problem());
    }

    /**
     * The detail a client reads: none of the internals for serverInternal; the code in brackets for a
     * refusal that is not an ACME failure of its own ({@code "… (dns-name-allowed)"}), so the
     * operator's rule is named.
     */
    static String detail(Problem problem, String code, String message) {
        if (problem.hidesDetail()) {
            return problem.status() == 503 ? "the service is unavailable for now; retry later"
                    : "an internal error occurred";
        }
        Optional<ErrorCode> known = ErrorCode.find(code);
        if (known.isEmpty() || known.get().group() == ErrorGroup.ACME) {
            return message == null ? "" : message;
        }
        return (message == null ? "" : message) + " (" + code + ")";
    }
}
