package org.lanyard.server.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lanyard.core.ErrorCode;
import org.lanyard.core.ErrorGroup;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.acme.AcmeError;

/** The ACME edge's table: every kind has a problem, specific codes have theirs, v1 behaviour is kept. */
class AcmeErrorMappingTest {

    @Test
    void everyKindMapsAndOnlyInternalFailuresAreServerInternal() {
        for (ErrorKind kind : ErrorKind.values()) {
            AcmeErrorMapping.Problem problem = AcmeErrorMapping.forKind(kind);
            assertThat(problem).as(kind.name()).isNotNull();
            assertThat(problem.type() == AcmeErrorMapping.Type.SERVER_INTERNAL).as(kind.name())
                    .isEqualTo(kind.general() == ErrorKind.INTERNAL);
        }
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            // kind defaults, for codes without a problem of their own
            "INVALID_INPUT,       malformed,          400",
            "BAD_CSR,             badCSR,             400",
            "BAD_KEY,             badCSR,             400", // a CSR key: RFC 8555 §7.4 "e.g., due to a short key"
            "IDENTIFIER_REJECTED, rejectedIdentifier, 400",
            "POLICY_REFUSED,      unauthorized,       403",
            "RATE_LIMITED,        rateLimited,        429",
            "UNAUTHENTICATED,     unauthorized,       403",
            "FORBIDDEN,           unauthorized,       403",
            "NOT_FOUND,           malformed,          404",
            "CONFLICT,            malformed,          409",
            "INTERNAL,            serverInternal,     500",
            "UNAVAILABLE,         serverInternal,     503"})
    void kindDefaults(ErrorKind kind, String type, int status) {
        AcmeErrorMapping.Problem problem = AcmeErrorMapping.forKind(kind);
        assertThat(problem.type().rfcName()).isEqualTo(type);
        assertThat(problem.status()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            // refusals of the issuance pipeline at finalize: as FinalizeOrder.translate answered in v1
            "csr-malformed,                 badCSR,             400",
            "csr-signature-invalid,         badCSR,             400",
            "csr-san-malformed,             badCSR,             400",
            "csr-san-unsupported,           badCSR,             400",
            "key-algorithm-allowed,         badCSR,             400",
            "lint-tls-validity-398-days,    badCSR,             400",
            "lint-dns-name-valid,           badCSR,             400", // a lint rule, not the dns-name rules
            "subject-variables,             badCSR,             400",
            "dns-name-syntax,               rejectedIdentifier, 400",
            "dns-name-allowed,              rejectedIdentifier, 400",
            "san-required,                  rejectedIdentifier, 400",
            "san-count,                     rejectedIdentifier, 400",
            "san-type-allowed,              rejectedIdentifier, 400",
            "subject-values,                unauthorized,       403",
            "issuer-valid,                  unauthorized,       403",
            "key-usage-compatible,          unauthorized,       403",
            "profile-restricted,            unauthorized,       403",
            "serial-exhausted,              serverInternal,     500",
            "store-failed,                  serverInternal,     500",
            "store-unavailable,             serverInternal,     503",
            // the ACME use cases' own failures
            "acme-badNonce,                 badNonce,           400",
            "acme-badPublicKey,             badPublicKey,       400",
            "acme-badCSR,                   badCSR,             400",
            "acme-rateLimited,              rateLimited,        429",
            "acme-rejectedIdentifier,       rejectedIdentifier, 400",
            "acme-caa,                      caa,                403",
            "acme-orderNotReady,            orderNotReady,      403",
            "acme-alreadyRevoked,           alreadyRevoked,     400",
            "acme-accountDoesNotExist,      accountDoesNotExist, 400",
            "acme-externalAccountRequired,  externalAccountRequired, 400",
            "acme-unauthorized,             unauthorized,       403",
            "acme-incorrectResponse,        incorrectResponse,  403",
            "acme-serverInternal,           serverInternal,     500",
            // v1 statuses that were set by hand in the core and the controller, now by kind or code
            "acme-account-key-in-use,       malformed,          409",
            "certificate-unknown,           malformed,          404",
            "acme-endpoint-unknown,         malformed,          404",
            "unsupported-media-type,        malformed,          415"})
    void specificCodes(String code, String type, int status) {
        ErrorCode entry = ErrorCode.find(code).orElseThrow();
        AcmeErrorMapping.Problem problem = AcmeErrorMapping.of(entry.kind(), code);
        assertThat(problem.type().rfcName()).isEqualTo(type);
        assertThat(problem.status()).isEqualTo(status);
        assertThat(AcmeErrorMapping.ofCode(code)).as("stored on an order").isEqualTo(problem);
    }

    /** The type and status each ACME failure of the core had in v1 (AcmeError carried them). */
    @Test
    void acmeFailuresKeepTheirV1TypeAndStatus() {
        for (AcmeError e : AcmeError.values()) {
            AcmeErrorMapping.Problem problem = AcmeErrorMapping.of(e.code().kind(), e.code().code());
            assertThat("acme-" + problem.type().rfcName()).isEqualTo(e.code().code());
            assertThat(problem.status()).as(e.name()).isEqualTo(problem.type().status());
        }
        assertThat(Arrays.stream(AcmeErrorMapping.Type.values()).filter(t -> t.status() == 403).map(Enum::name))
                .containsExactlyInAnyOrder("CAA", "COMPOUND", "INCORRECT_RESPONSE", "ORDER_NOT_READY", "UNAUTHORIZED",
                        "USER_ACTION_REQUIRED");
        assertThat(AcmeErrorMapping.Type.RATE_LIMITED.status()).isEqualTo(429);
        assertThat(AcmeErrorMapping.Type.SERVER_INTERNAL.status()).isEqualTo(500);
    }

    /**
     * What the issuance pipeline (IssueCertificate, its policy, lint, store and key vault) can raise
     * at finalize answers as FinalizeOrder.translate did in v1 (its rules are repeated below), except
     * where this test says why.
     */
    @Test
    void finalizeRefusalsAnswerAsInV1() {
        Set<ErrorCode> pipeline = EnumSet.noneOf(ErrorCode.class);
        for (ErrorCode code : ErrorCode.values()) {
            if (code.group() == ErrorGroup.ISSUANCE_RULE || code.group() == ErrorGroup.LINT) {
                pipeline.add(code);
            }
        }
        pipeline.addAll(EnumSet.of(ErrorCode.CSR_MALFORMED, ErrorCode.CSR_SIGNATURE_INVALID, ErrorCode.CSR_SAN_MALFORMED,
                ErrorCode.CSR_SAN_UNSUPPORTED, ErrorCode.PROFILE_RESTRICTED, ErrorCode.SERIAL_EXHAUSTED, ErrorCode.STORE_FAILED,
                ErrorCode.KEY_SIGN_FAILED, ErrorCode.TOKEN_PIN_INCORRECT, ErrorCode.TOKEN_PIN_LOCKED,
                ErrorCode.PKCS11_TOKEN_UNAVAILABLE));
        // v1 answered the e-mail, UPN and URI rules with unauthorized; finalize refuses any non-DNS
        // name as badCSR before issuance, so ACME clients never met them. Now rejectedIdentifier.
        Set<ErrorCode> renamed = EnumSet.of(ErrorCode.EMAIL_SYNTAX, ErrorCode.UPN_SYNTAX, ErrorCode.URI_SYNTAX);
        for (ErrorCode code : pipeline) {
            String type = AcmeErrorMapping.of(code.kind(), code.code()).type().rfcName();
            assertThat(type).as(code.code()).isEqualTo(renamed.contains(code) ? "rejectedIdentifier"
                    : v1(code.kind(), code.code()));
        }
        // v1 answered a missing profile, issuer or key, or a moved audit head, inside finalize with
        // unauthorized (403); v2 maps them by kind as everywhere else: malformed 404 / 409
        for (ErrorCode code : EnumSet.of(ErrorCode.PROFILE_UNKNOWN, ErrorCode.ISSUER_UNKNOWN, ErrorCode.KEY_NOT_FOUND)) {
            assertThat(AcmeErrorMapping.of(code.kind(), code.code())).isEqualTo(AcmeErrorMapping.Type.MALFORMED.problem(404));
        }
        assertThat(AcmeErrorMapping.of(ErrorKind.CONFLICT, "audit-head-moved")).isEqualTo(AcmeErrorMapping.Type.MALFORMED.problem(409));
        // a transient store failure is still serverInternal, now 503
        assertThat(AcmeErrorMapping.of(ErrorKind.UNAVAILABLE, "store-unavailable"))
                .isEqualTo(AcmeErrorMapping.Type.SERVER_INTERNAL.problem(503));
    }

    /** FinalizeOrder.translate of v1, for the comparison above. */
    private static String v1(ErrorKind kind, String code) {
        if (code.startsWith("csr-") || code.equals("key-algorithm-allowed") || code.startsWith("lint-")
                || code.equals("subject-variables")) {
            return "badCSR";
        } else if (code.startsWith("dns-name") || code.startsWith("san-")) {
            return "rejectedIdentifier";
        } else if (kind == ErrorKind.INTERNAL) {
            return "serverInternal";
        }
        return "unauthorized";
    }

    /** Orders and authorizations store a code; before v2 they stored the RFC type, which still reads. */
    @Test
    void storedErrorsReadOldAndNew() {
        assertThat(AcmeErrorMapping.ofCode("badCSR").type()).isEqualTo(AcmeErrorMapping.Type.BAD_CSR);
        assertThat(AcmeErrorMapping.ofCode("connection").type()).isEqualTo(AcmeErrorMapping.Type.CONNECTION);
        assertThat(AcmeErrorMapping.ofCode("acme-connection").type()).isEqualTo(AcmeErrorMapping.Type.CONNECTION);
        assertThat(AcmeErrorMapping.ofCode("dns-name-allowed").type()).isEqualTo(AcmeErrorMapping.Type.REJECTED_IDENTIFIER);
        assertThat(AcmeErrorMapping.ofCode("something-else").type()).isEqualTo(AcmeErrorMapping.Type.SERVER_INTERNAL);
        // so no catalogued code may be spelled like an RFC type
        for (AcmeErrorMapping.Type type : AcmeErrorMapping.Type.values()) {
            assertThat(ErrorCode.find(type.rfcName())).as(type.rfcName()).isEmpty();
        }
    }

    @Test
    void detailsNameTheRefusingRuleAndHideInternals() {
        AcmeErrorMapping.Problem rejected = AcmeErrorMapping.ofCode("dns-name-allowed");
        assertThat(AcmeErrorMapping.detail(rejected, "dns-name-allowed", "'x.test' is not allowed"))
                .isEqualTo("'x.test' is not allowed (dns-name-allowed)");
        assertThat(AcmeErrorMapping.detail(AcmeErrorMapping.ofCode("acme-badNonce"), "acme-badNonce", "the nonce has expired"))
                .isEqualTo("the nonce has expired");
        assertThat(AcmeErrorMapping.detail(AcmeErrorMapping.ofCode("store-failed"), "store-failed", "SQLSTATE 08001"))
                .isEqualTo("an internal error occurred");
        assertThat(AcmeErrorMapping.detail(AcmeErrorMapping.ofCode("store-unavailable"), "store-unavailable", "pool"))
                .doesNotContain("pool");
    }
}
