package org.lanyard.core.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lanyard.core.Page;
import org.lanyard.core.ca.CertificateQuery;
import org.lanyard.core.ca.CertificateRecord;
import org.lanyard.core.ca.CertificateStatus;
import org.lanyard.core.ca.CertificateStore;

/**
 * Certificate records in a map. {@link #failOnComplete} and {@link #failOnReserve} inject the
 * failures of a store that goes away in the middle of issuance.
 */
public final class MemoryCertificateStore implements CertificateStore, MemoryTransactions.Participant {

    private Map<BigInteger, CertificateRecord> records = new LinkedHashMap<>();
    /** Thrown by the next {@link #complete}, when set. */
    public RuntimeException failOnComplete;
    /** Thrown by the next {@link #fail}, when set. */
    public RuntimeException failOnFail;
    /** Serials {@link #reserve} treats as taken, as if another node had them. */
    public final List<BigInteger> taken = new ArrayList<>();

    @Override
    public void reserve(CertificateRecord reservation) {
        if (records.containsKey(reservation.serial()) || taken.contains(reservation.serial())) {
            throw new SerialInUseException(reservation.serial());
        }
        if (reservation.status() != CertificateStatus.RESERVED || reservation.der() != null) {
            throw new IllegalStateException("a reservation must be RESERVED and carry no certificate");
        }
        records.put(reservation.serial(), reservation);
    }

    @Override
    public void complete(CertificateRecord issued) {
        if (failOnComplete != null) {
            RuntimeException e = failOnComplete;
            failOnComplete = null;
            throw e;
        }
        CertificateRecord existing = records.get(issued.serial());
        if (existing == null || existing.status() != CertificateStatus.RESERVED) {
            throw new IllegalStateException("serial " + issued.serialHex() + " is not reserved");
        }
        records.put(issued.serial(), issued);
    }

    @Override
    public void fail(BigInteger serial, String reason) {
        if (failOnFail != null) {
            RuntimeException e = failOnFail;
            failOnFail = null;
            throw e;
        }
        CertificateRecord r = records.get(serial);
        if (r == null || r.status() != CertificateStatus.RESERVED) {
            throw new IllegalStateException("serial is not reserved");
        }
        records.put(serial, new CertificateRecord(r.serial(), r.issuerId(), r.profileId(), CertificateStatus.FAILED,
                r.subject(), r.subjectAltNames(), null, null, r.keyAlgorithm(), r.requestedBy(), r.createdAt(), null,
                reason, r.tbsHash()));
    }

    @Override
    public Optional<CertificateRecord> find(BigInteger serial) {
        return Optional.ofNullable(records.get(serial));
    }

    @Override
    public Page<CertificateRecord> search(CertificateQuery q) {
        List<CertificateRecord> hits = records.values().stream()
                .filter(r -> q.subject() == null || contains(r.subject(), q.subject()))
                .filter(r -> q.san() == null || r.subjectAltNames().stream().anyMatch(s -> contains(s.value(), q.san())))
                .filter(r -> q.profileId() == null || q.profileId().equals(r.profileId()))
                .filter(r -> q.issuerId() == null || q.issuerId().equals(r.issuerId()))
                .filter(r -> q.status() == null || q.status() == r.status())
                .filter(r -> q.expiresAfter() == null || r.notAfter() != null && !r.notAfter().isBefore(q.expiresAfter()))
                .filter(r -> q.expiresBefore() == null || r.notAfter() != null && r.notAfter().isBefore(q.expiresBefore()))
                .sorted(Comparator.comparing(CertificateRecord::createdAt).reversed())
                .toList();
        int from = (int) Math.min(hits.size(), q.page().offset());
        int to = Math.min(hits.size(), from + q.page().size());
        return new Page<>(hits.subList(from, to), q.page().page(), q.page().size(), hits.size());
    }

    public List<CertificateRecord> all() {
        return List.copyOf(records.values());
    }

    private static boolean contains(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(records);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        records = new LinkedHashMap<>((Map<BigInteger, CertificateRecord>) snapshot);
    }
}
