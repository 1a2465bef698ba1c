package org.lanyard.core.ca;

import java.math.BigInteger;
import java.util.Optional;
import org.lanyard.core.Page;

/** Storage of certificate records. Serial numbers are unique (database constraint). */
public interface CertificateStore extends CertificateReader {

    /**
     * Records a request under a new serial with status {@code RESERVED}, with the hash of its
     * linted TBS when it passed the lint ({@link CertificateRecord#tbsHash}).
     *
     * @throws SerialInUseException when the serial exists (the caller draws another)
     */
    void reserve(CertificateRecord reservation);

    /**
     * The TBS hash the reservation was recorded with ({@link CertificateRecord#tbsHash}), if any.
     * Issuance checks the signed certificate against it before it stores the certificate. Stores
     * may override this with a lighter query.
     */
    default Optional<String> tbsHash(BigInteger serial) {
        return find(serial).map(CertificateRecord::tbsHash);
    }

    /** Turns a reserved record into an issued one: status {@code VALID}, DER and validity stored. */
    void complete(CertificateRecord issued);

    /** Marks a reserved record {@code FAILED} with a reason. */
    void fail(BigInteger serial, String reason);

    Optional<CertificateRecord> find(BigInteger serial);

    /** Who issued a serial and where it stands: the OCSP hot path, without DER and names. */
    record IssuerAndStatus(String issuerId, CertificateStatus status) {
    }

    /** As {@link #find} reduced to issuer and status; stores override it with a lighter query. */
    default Optional<IssuerAndStatus> status(BigInteger serial) {
        return find(serial).map(r -> new IssuerAndStatus(r.issuerId(), r.status()));
    }

    Page<CertificateRecord> search(CertificateQuery query);

    /** Thrown by {@link #reserve} when the serial is already taken. */
    class SerialInUseException extends RuntimeException {
        public SerialInUseException(BigInteger serial) {
            super("serial " + Serials.hex(serial) + " is already in use");
        }
    }
}
