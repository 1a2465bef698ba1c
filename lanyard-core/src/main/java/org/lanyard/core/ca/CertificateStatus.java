package org.lanyard.core.ca;

/**
 * Where a certificate record stands. {@code RESERVED}: the serial is taken and the request
 * recorded, nothing signed yet (or signing never finished). {@code FAILED}: issuance stopped
 * after reservation; the serial is never used again.
 */
public enum CertificateStatus {
    RESERVED,
    FAILED,
    VALID,
    ON_HOLD,
    REVOKED
}
