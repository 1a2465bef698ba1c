package org.lanyard.core.revocation;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.lanyard.core.Page;
import org.lanyard.core.ca.CertificateQuery;
import org.lanyard.core.ca.CertificateRecord;
import org.lanyard.core.ca.CertificateStatus;
import org.lanyard.core.ca.CertificateStore;

/** In-memory certificate store that also implements the status port, as the JDBC store will. */
final class MemoryCertificates implements CertificateStore, CertificateStatusUpdate {

    private final Map<BigInteger, CertificateRecord> records = new ConcurrentHashMap<>();

    @Override
    public void reserve(CertificateRecord reservation) {
        if (records.putIfAbsent(reservation.serial(), reservation) != null) {
            throw new SerialInUseException(reservation.serial());
        }
    }

    @Override
    public void complete(CertificateRecord issued) {
        records.put(issued.serial(), issued);
    }

    @Override
    public void fail(BigInteger serial, String reason) {
        records.computeIfPresent(serial, (s, r) -> with(r, CertificateStatus.FAILED));
    }

    @Override
    public Optional<CertificateRecord> find(BigInteger serial) {
        return Optional.ofNullable(records.get(serial));
    }

    @Override
    public Page<CertificateRecord> search(CertificateQuery query) {
        List<CertificateRecord> all = List.copyOf(records.values());
        return new Page<>(all, 0, all.size(), all.size());
    }

    @Override
    public synchronized boolean setStatus(BigInteger serial, CertificateStatus expected, CertificateStatus status) {
        CertificateRecord record = records.get(serial);
        if (record == null || record.status() != expected) {
            return false;
        }
        records.put(serial, with(record, status));
        return true;
    }

    private static CertificateRecord with(CertificateRecord r, CertificateStatus status) {
        return new CertificateRecord(r.serial(), r.issuerId(), r.profileId(), status, r.subject(), r.subjectAltNames(),
                r.notBefore(), r.notAfter(), r.keyAlgorithm(), r.requestedBy(), r.createdAt(), r.der(),
                r.failureReason());
    }
}
