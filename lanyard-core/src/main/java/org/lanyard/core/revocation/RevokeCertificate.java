package org.lanyard.core.revocation;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
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
 * Revokes a certificate, or suspends it ({@code certificateHold}). A held certificate can later
 * be revoked for good or resumed ({@link ResumeCertificate}); a revoked one stays revoked.
 * Expired certificates can be revoked (a relying party may still check an old signature).
 * Steps as in docs/flows/revocation.md; status, revocation entry and audit event commit in one
 * transaction, or nothing changes.
 */
public class RevokeCertificate {

    private final CertificateStore certificates;
    private final CertificateStatusUpdate statuses;
    private final RevocationStore revocations;
    private final CrlPolicies policies;
    private final Transactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    public RevokeCertificate(CertificateStore certificates, CertificateStatusUpdate statuses,
            RevocationStore revocations, CrlPolicies policies, Transactions tx, AuditTrail audit, Clock clock) {
        this.certificates = certificates;
        this.statuses = statuses;
        this.revocations = revocations;
        this.policies = policies;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param invalidityDate when the key became unusable, if known (not in the future); may be null
     * @throws LanyardException {@code certificate-unknown} (NOT_FOUND); {@code certificate-not-issued},
     *         {@code certificate-already-revoked}, {@code certificate-already-on-hold},
     *         {@code certificate-status-changed} (CONFLICT); {@code revocation-reason-unknown},
     *         {@code invalidity-date-future} (INVALID_INPUT)
     */
    public Revocation revoke(BigInteger serial, RevocationReason reason, Instant invalidityDate, Actor actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (reason == null || reason == RevocationReason.removeFromCRL) {
            throw LanyardException.invalid("revocation-reason-unknown",
                    "removeFromCRL is not a revocation reason; resume the certificate to lift a hold");
        }
        if (invalidityDate != null && invalidityDate.isAfter(now)) {
            throw LanyardException.invalid("invalidity-date-future", "the invalidity date cannot be in the future");
        }
        Instant invalidity = invalidityDate == null ? null : invalidityDate.truncatedTo(ChronoUnit.SECONDS);
        return tx.inTransaction(() -> {
            // 1. the certificate, and whether its state allows this
            CertificateRecord record = certificates.find(serial).orElseThrow(() -> LanyardException.notFound(
                    "certificate-unknown", "no certificate with serial " + Serials.hex(serial)));
            CertificateStatus next = reason.isHold() ? CertificateStatus.ON_HOLD : CertificateStatus.REVOKED;
            refuseUnlessRevocable(record, reason);

            // 2. status (compare and set) and revocation entry with its change sequence
            if (!statuses.setStatus(serial, record.status(), next)) {
                throw LanyardException.conflict("certificate-status-changed",
                        "certificate " + record.serialHex() + " changed while being revoked; try again");
            }
            int shard = policies.of(record.issuerId()).shardOf(serial);
            Revocation revocation = revocations.revoke(serial, record.issuerId(), shard, reason, now, invalidity);

            // 3. audit event, same transaction
            Map<String, String> details = new LinkedHashMap<>();
            details.put("reason", reason.name());
            details.put("issuer", record.issuerId());
            details.put("shard", Integer.toString(shard));
            details.put("previousStatus", record.status().name());
            if (invalidity != null) {
                details.put("invalidityDate", invalidity.toString());
            }
            audit.record(actor, reason.isHold() ? "certificate.held" : "certificate.revoked", record.serialHex(),
                    details);
            return revocation;
        });
    }

    private static void refuseUnlessRevocable(CertificateRecord record, RevocationReason reason) {
        switch (record.status()) {
            case RESERVED, FAILED -> throw LanyardException.conflict("certificate-not-issued",
                    "certificate " + record.serialHex() + " was never issued (" + record.status() + ")");
            case REVOKED -> throw LanyardException.conflict("certificate-already-revoked",
                    "certificate " + record.serialHex() + " is already revoked");
            case ON_HOLD -> {
                if (reason.isHold()) {
                    throw LanyardException.conflict("certificate-already-on-hold",
                            "certificate " + record.serialHex() + " is already on hold");
                }
            }
            case VALID -> {
            }
        }
    }
}
