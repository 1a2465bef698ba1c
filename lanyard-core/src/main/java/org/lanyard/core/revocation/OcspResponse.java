package org.lanyard.core.revocation;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * What the responder answers: the DER OCSPResponse to send (HTTP 200,
 * {@code application/ocsp-response}, whatever the outcome) and the facts the HTTP edge needs
 * for caching headers and logs.
 *
 * @param thisUpdate null unless {@code SUCCESSFUL}
 * @param nextUpdate null unless {@code SUCCESSFUL}; the edge ties {@code Cache-Control max-age} to it
 * @param cacheable  the response may be cached by HTTP caches (successful, no nonce)
 * @param detail     why it was refused, for the log; never sent
 */
public record OcspResponse(Outcome outcome, byte[] der, List<SingleStatus> statuses, Instant thisUpdate,
        Instant nextUpdate, boolean cacheable, boolean fromCache, String detail) {

    /** RFC 6960 OCSPResponseStatus values Lanyard sends. */
    public enum Outcome {
        SUCCESSFUL(0),
        MALFORMED_REQUEST(1),
        INTERNAL_ERROR(2),
        TRY_LATER(3),
        UNAUTHORIZED(6);

        private final int code;

        Outcome(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** How one certificate stands. {@code HELD} is sent as revoked with reason certificateHold. */
    public enum CertificateState {
        GOOD,
        REVOKED,
        HELD,
        UNKNOWN
    }

    /** @param reason and {@code revokedAt} are null unless REVOKED or HELD */
    public record SingleStatus(BigInteger serial, CertificateState state, RevocationReason reason,
            Instant revokedAt) {
    }

    public OcspResponse {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    /** An unsigned error response: just the status (RFC 6960 §4.2.1). */
    static OcspResponse error(Outcome outcome, String detail) {
        return new OcspResponse(outcome, new byte[] {0x30, 0x03, 0x0A, 0x01, (byte) outcome.code()}, List.of(),
                null, null, false, false, detail);
    }

    OcspResponse servedFromCache() {
        return new OcspResponse(outcome, der, statuses, thisUpdate, nextUpdate, cacheable, true, detail);
    }
}
