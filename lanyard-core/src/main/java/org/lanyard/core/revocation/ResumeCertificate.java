package org.lanyard.core.revocation;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.lanyard.core.Actor;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.ca.CertificateRecord;
import org.lanyard.core.ca.CertificateStatus;
import org.lanyard.core.ca.CertificateStore;
import org.lanyard.core.ca.Serials;
import org.lanyard.core.tx.Transactions;

/**
 * Lifts a hold: the certificate is valid again, leaves the next full CRL and appears in delta
 * CRLs as {@code removeFromCRL}. Only a certificate on hold can be resumed.
 */
public class ResumeCertificate {

    private final CertificateStore certificates;
    private final CertificateStatusUpdate statuses;
    private final RevocationStore revocations;
    private final Transactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    public ResumeCertificate(CertificateStore certificates, CertificateStatusUpdate statuses,
            RevocationStore revocations, Transactions tx, AuditTrail audit, Clock clock) {
        this.certificates = certificates;
        this.statuses = statuses;
        this.revocations = revocations;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws LanyardException {@code certificate-unknown} (NOT_FOUND); {@code certificate-not-on-hold},
     *         {@code certificate-status-changed} (CONFLICT)
     */
    public RevocationChange resume(BigInteger serial, Actor actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return tx.inTransaction(() -> {
            CertificateRecord record = certificates.find(serial).orElseThrow(() -> LanyardException.notFound(
                    "certificate-unknown", "no certificate with serial " + Serials.hex(serial)));
            if (record.status() != CertificateStatus.ON_HOLD) {
                throw LanyardException.conflict("certificate-not-on-hold", "certificate " + record.serialHex()
                        + " is " + record.status() + ", not on hold; only a hold can be lifted");
            }
            if (!statuses.setStatus(serial, CertificateStatus.ON_HOLD, CertificateStatus.VALID)) {
                throw LanyardException.conflict("certificate-status-changed",
                        "certificate " + record.serialHex() + " changed while being resumed; try again");
            }
            RevocationChange change = revocations.release(record.issuerId(), serial, now);
            audit.record(actor, "certificate.resumed", record.serialHex(),
                    Map.of("issuer", record.issuerId(), "shard", Integer.toString(change.shard())));
            return change;
        });
    }
}
