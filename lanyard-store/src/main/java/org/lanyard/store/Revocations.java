package org.lanyard.store;

import org.lanyard.core.revocation.CertificateStatusUpdate;
import org.lanyard.core.revocation.CrlSchedules;
import org.lanyard.core.revocation.OcspSigners;
import org.lanyard.core.revocation.PublishedCrls;
import org.lanyard.core.revocation.RevocationStore;

/** The store's revocation ports, sharing the database and transactions of {@link Stores}. */
public record Revocations(
        CertificateStatusUpdate statuses,
        RevocationStore revocations,
        CrlSchedules crlSchedules,
        PublishedCrls publishedCrls,
        OcspSigners ocspSigners) {
}
