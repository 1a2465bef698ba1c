package org.lanyard.core.revocation;

import java.math.BigInteger;
import org.lanyard.core.ca.CertificateStatus;

/**
 * Changes the status of a stored certificate. The certificate store implements it; it is a
 * port of its own so that revocation did not have to widen {@code CertificateStore}.
 */
public interface CertificateStatusUpdate {

    /**
     * Sets the status to {@code status} if it is currently {@code expected} (compare and set,
     * e.g. {@code UPDATE … SET status = ? WHERE serial = ? AND status = ?}), inside the
     * caller's transaction.
     *
     * @return false when the record does not exist or its status is not {@code expected}; a
     *         concurrent revocation of the same serial then loses instead of overwriting
     */
    boolean setStatus(BigInteger serial, CertificateStatus expected, CertificateStatus status);
}
