package org.lanyard.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lanyard.core.Actor;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditEvent;
import org.lanyard.core.ca.CertificateStatus;

class RevokeCertificateTest {

    static final Actor OPERATOR = new Actor("op-1", "operator");
    final Revocations r = new Revocations(CrlWriterTest.SHARDED);

    @Test
    void revocationRecordsStatusEntryAndAuditEventTogether() {
        BigInteger serial = r.ca.issue(r.certificates, Duration.ofDays(90)).getSerialNumber();

        Revocation revocation = r.revoke.revoke(serial, RevocationReason.keyCompromise,
                Revocations.START.minus(Duration.ofDays(1)), OPERATOR);

        assertThat(r.certificates.find(serial).orElseThrow().status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(revocation.shard()).isEqualTo(CrlShards.shardOf(serial, 4));
        assertThat(revocation.revokedAt()).isEqualTo(Revocations.START);
        assertThat(r.store.find("acme", serial)).contains(revocation);
        AuditEvent event = r.auditLog.events().get(0);
        assertThat(event.action()).isEqualTo("certificate.revoked");
        assertThat(event.details()).contains("keyCompromise").contains("invalidityDate");
        assertThat(r.tx.started).isEqualTo(1);
    }

    @Test
    void aHoldCanBeMadePermanent() {
        BigInteger serial = r.ca.issue(r.certificates, Duration.ofDays(90)).getSerialNumber();
        r.revoke.revoke(serial, RevocationReason.certificateHold, null, OPERATOR);
        assertThat(r.certificates.find(serial).orElseThrow().status()).isEqualTo(CertificateStatus.ON_HOLD);

        r.revoke.revoke(serial, RevocationReason.keyCompromise, null, OPERATOR);

        assertThat(r.certificates.find(serial).orElseThrow().status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(r.store.find("acme", serial).orElseThrow().reason()).isEqualTo(RevocationReason.keyCompromise);
        assertThat(r.auditLog.events()).extracting(AuditEvent::action)
                .containsExactly("certificate.held", "certificate.revoked");
    }

    @Test
    void anExpiredCertificateCanBeRevoked() {
        BigInteger serial = r.ca.issue(r.certificates, Duration.ofMinutes(10)).getSerialNumber();
        assertThat(r.certificates.find(serial).orElseThrow().expiredAt(r.clock.instant())).isTrue();

        r.revoke.revoke(serial, RevocationReason.cessationOfOperation, null, OPERATOR);

        assertThat(r.certificates.find(serial).orElseThrow().status()).isEqualTo(CertificateStatus.REVOKED);
    }

    @Test
    void revokingTwiceIsAConflictThatChangesNothing() {
        BigInteger serial = r.ca.issue(r.certificates, Duration.ofDays(90)).getSerialNumber();
        Revocation first = r.revoke.revoke(serial, RevocationReason.superseded, null, OPERATOR);

        assertRefused(() -> r.revoke.revoke(serial, RevocationReason.keyCompromise, null, OPERATOR),
                ErrorKind.CONFLICT, "certificate-already-revoked");
        assertRefused(() -> r.revoke.revoke(serial, RevocationReason.certificateHold, null, OPERATOR),
                ErrorKind.CONFLICT, "certificate-already-revoked");

        assertThat(r.store.find("acme", serial)).contains(first);
        assertThat(r.store.changeCount()).isEqualTo(1);
        assertThat(r.auditLog.events()).hasSize(1);
    }

    @Test
    void holdingTwiceIsAConflict() {
        BigInteger serial = r.ca.issue(r.certificates, Duration.ofDays(90)).getSerialNumber();
        r.revoke.revoke(serial, RevocationReason.certificateHold, null, OPERATOR);
        assertRefused(() -> r.revoke.revoke(serial, RevocationReason.certificateHold, null, OPERATOR),
                ErrorKind.CONFLICT, "certificate-already-on-hold");
        assertThat(r.store.changeCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = CertificateStatus.class, names = {"RESERVED", "FAILED"})
    void aCertificateThatWasNeverIssuedCannotBeRevoked(CertificateStatus status) {
        BigInteger serial = r.ca.reserve(r.certificates, status);
        assertRefused(() -> r.revoke.revoke(serial, RevocationReason.keyCompromise, null, OPERATOR),
                ErrorKind.CONFLICT, "certificate-not-issued");
        assertThat(r.certificates.find(serial).orElseThrow().status()).isEqualTo(status);
        assertThat(r.store.changeCount()).isZero();
    }

    @Test
    void unknownSerialIsNotFound() {
        assertRefused(() -> r.revoke.revoke(BigInteger.valueOf(12345), RevocationReason.keyCompromise, null,
                OPERATOR), ErrorKind.NOT_FOUND, "certificate-unknown");
        assertThat(r.auditLog.events()).isEmpty();
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsRead() {
        BigInteger serial = r.ca.issue(r.certificates, Duration.ofDays(90)).getSerialNumber();
        assertRefused(() -> r.revoke.revoke(serial, RevocationReason.removeFromCRL, null, OPERATOR),
                ErrorKind.INVALID_INPUT, "revocation-reason-unknown");
        assertRefused(() -> r.revoke.revoke(serial, RevocationReason.keyCompromise,
                Revocations.START.plusSeconds(60), OPERATOR), ErrorKind.INVALID_INPUT, "invalidity-date-future");
        assertThat(r.tx.started).isZero();
        assertThat(r.certificates.find(serial).orElseThrow().status()).isEqualTo(CertificateStatus.VALID);
    }

    static void assertRefused(Runnable action, ErrorKind kind, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(LanyardException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
