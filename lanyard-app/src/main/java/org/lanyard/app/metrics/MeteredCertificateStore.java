package org.lanyard.app.metrics;

import java.math.BigInteger;
import java.util.Optional;
import org.lanyard.core.Page;
import org.lanyard.core.ca.CertificateQuery;
import org.lanyard.core.ca.CertificateRecord;
import org.lanyard.core.ca.CertificateStore;

/**
 * A {@link CertificateStore} that counts what the issuance pipeline writes: every certificate
 * completed (issued) and every reservation failed (lint or signing), by profile, issuer and
 * reason. Counted when written inside the transaction; a commit that then fails is rare enough
 * (the store is down) that the counter is not corrected.
 */
public final class MeteredCertificateStore implements CertificateStore {

    private final CertificateStore store;
    private final Metrics metrics;

    public MeteredCertificateStore(CertificateStore store, Metrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public void reserve(CertificateRecord reservation) {
        store.reserve(reservation);
    }

    @Override
    public Optional<String> tbsHash(BigInteger serial) {
        return store.tbsHash(serial);
    }

    @Override
    public void complete(CertificateRecord issued) {
        store.complete(issued);
        metrics.issued(issued.profileId(), issued.issuerId());
    }

    @Override
    public void fail(BigInteger serial, String reason) {
        store.fail(serial, reason);
        metrics.failed(reason);
    }

    @Override
    public Optional<CertificateRecord> find(BigInteger serial) {
        return store.find(serial);
    }

    @Override
    public Optional<IssuerAndStatus> status(BigInteger serial) {
        return store.status(serial);
    }

    @Override
    public Page<CertificateRecord> search(CertificateQuery query) {
        return store.search(query);
    }
}
