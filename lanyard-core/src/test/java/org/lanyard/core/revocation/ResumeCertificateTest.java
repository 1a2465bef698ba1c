package org.lanyard.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lanyard.core.revocation.RevokeCertificateTest.OPERATOR;
import static org.lanyard.core.revocation.RevokeCertificateTest.assertRefused;

import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.audit.AuditEvent;
import org.lanyard.core.ca.CertificateStatus;

class ResumeCertificateTest {

    final Revocations r = new Revocations(CrlWriterTest.SHARDED);

    @Test
    void resumingAHoldMakesTheCertificateValidAndLogsARelease() {
        BigInteger serial = r.ca.issue(r.certificates, Duration.ofDays(90)).getSerialNumber();
        r.revoke.revoke(serial, RevocationReason.certificateHold, null, OPERATOR);
        r.clock.advance(Duration.ofHours(2));

        RevocationChange change = r.resume.resume(serial, OPERATOR);

        assertThat(change.kind()).isEqualTo(RevocationChange.Kind.RELEASED);
        assertThat(change.at()).isEqualTo(Revocations.START.plus(Duration.ofHours(2)));
        assertThat(r.certificates.find(serial).orElseThrow().status()).isEqualTo(CertificateStatus.VALID);
        assertThat(r.store.find("acme", serial)).isEmpty();
        assertThat(r.auditLog.events()).extracting(AuditEvent::action)
                .containsExactly("certificate.held", "certificate.resumed");
    }

    @Test
    void resumingAValidOrRevokedCertificateIsAConflictThatChangesNothing() {
        BigInteger valid = r.ca.issue(r.certificates, Duration.ofDays(90)).getSerialNumber();
        BigInteger revoked = r.ca.issue(r.certificates, Duration.ofDays(90)).getSerialNumber();
        r.revoke.revoke(revoked, RevocationReason.keyCompromise, null, OPERATOR);

        assertRefused(() -> r.resume.resume(valid, OPERATOR), ErrorKind.CONFLICT, "certificate-not-on-hold");
        assertRefused(() -> r.resume.resume(revoked, OPERATOR), ErrorKind.CONFLICT, "certificate-not-on-hold");

        assertThat(r.certificates.find(valid).orElseThrow().status()).isEqualTo(CertificateStatus.VALID);
        assertThat(r.certificates.find(revoked).orElseThrow().status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(r.store.changeCount()).isEqualTo(1);
        assertThat(r.auditLog.events()).hasSize(1);
    }

    @Test
    void resumingAnUnknownSerialIsNotFound() {
        assertRefused(() -> r.resume.resume(BigInteger.TEN, OPERATOR), ErrorKind.NOT_FOUND, "certificate-unknown");
    }
}
