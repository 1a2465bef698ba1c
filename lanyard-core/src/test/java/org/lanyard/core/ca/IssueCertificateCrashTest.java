package org.lanyard.core.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditEvent;
import org.lanyard.core.testing.Csrs;
import org.lanyard.core.testing.Keys;
import org.lanyard.core.testing.TestSystem;

/**
 * DESIGN.md §5 invariants 1, 3 and 4 under failure: whatever breaks between reservation and
 * signing or between signing and storing, the call throws, the record ends RESERVED or FAILED
 * (never VALID unreturned), the audit log agrees, and no certificate bytes leave.
 */
class IssueCertificateCrashTest {

    private final TestSystem system = TestSystem.withCa(KeyAlgorithm.EC_P256);
    private final int signaturesBefore = system.vault.signatures();

    private IssuanceRequest request() {
        return new IssuanceRequest("tls-server", Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256), "",
                Csrs.dns("crash.example.com")), Map.of(), TestSystem.ALICE);
    }

    private CertificateRecord onlyRecord() {
        assertThat(system.certificates.all()).hasSize(1);
        CertificateRecord record = system.certificates.all().get(0);
        assertThat(record.der()).as("no certificate bytes stored").isNull();
        assertThat(record.notAfter()).isNull();
        return record;
    }

    private List<String> auditFor(CertificateRecord record) {
        return system.auditLog.stored().stream().filter(e -> e.target().equals(record.serialHex()))
                .map(AuditEvent::action).toList();
    }

    @Test
    void signerFailsAfterReservation() {
        system.vault.failSigning = new IllegalStateException("token removed");

        assertThatThrownBy(() -> system.issue.issue(request())).hasMessage("token removed");

        CertificateRecord record = onlyRecord();
        assertThat(record.status()).isEqualTo(CertificateStatus.FAILED);
        assertThat(record.failureReason()).isEqualTo("IllegalStateException");
        assertThat(auditFor(record)).containsExactly("certificate.requested", "certificate.failed");
        assertThat(system.verifyAudit.verify().intact()).isTrue();
    }

    @Test
    void storeFailsAfterSigning() {
        system.certificates.failOnComplete = new IllegalStateException("database gone");

        assertThatThrownBy(() -> system.issue.issue(request())).hasMessage("database gone");

        assertThat(system.vault.signatures()).as("the certificate was signed").isEqualTo(signaturesBefore + 1);
        CertificateRecord record = onlyRecord();
        assertThat(record.status()).isEqualTo(CertificateStatus.FAILED);
        assertThat(auditFor(record)).containsExactly("certificate.requested", "certificate.failed");
        assertThat(system.verifyAudit.verify().intact()).isTrue();
    }

    @Test
    void auditFailsAfterStoringRollsTheStoreBack() {
        system.auditLog.failOnAction = "certificate.issued";

        assertThatThrownBy(() -> system.issue.issue(request())).hasMessageContaining("audit store down");

        CertificateRecord record = onlyRecord();
        assertThat(record.status()).as("completion rolled back with its audit event").isEqualTo(
                CertificateStatus.FAILED);
        assertThat(auditFor(record)).containsExactly("certificate.requested", "certificate.failed");
        assertThat(system.tx.rollbacks()).isEqualTo(1);
        assertThat(system.verifyAudit.verify().intact()).isTrue();
    }

    @Test
    void storeDownForGoodLeavesTheRecordReserved() {
        system.certificates.failOnComplete = new IllegalStateException("database gone");
        system.certificates.failOnFail = new IllegalStateException("still gone");

        assertThatThrownBy(() -> system.issue.issue(request())).hasMessage("database gone")
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
                        .containsExactly("still gone"));

        CertificateRecord record = onlyRecord();
        assertThat(record.status()).isEqualTo(CertificateStatus.RESERVED);
        assertThat(auditFor(record)).containsExactly("certificate.requested");
        assertThat(system.verifyAudit.verify().intact()).isTrue();
    }

    @Test
    void lintErrorStopsBeforeSigning() {
        // a profile SaveProfile would refuse, written to the store directly: 500-day TLS server
        system.profiles.save(new CertificateProfile("long-tls", "Long TLS", null, EnumSet.of(KeyAlgorithm.EC_P256),
                Duration.ofDays(500), EnumSet.of(KeyUsageBit.digitalSignature), List.of(ExtendedKeyUsage.serverAuth),
                "CN=${san}", EnumSet.of(SanType.DNS), List.of("*"), true, 10, List.of(), null, null, false, null));

        assertThatThrownBy(() -> system.issue.issue(new IssuanceRequest("long-tls", Csrs.parsed(
                Keys.generate(KeyAlgorithm.EC_P256), "", Csrs.dns("a.example.com")), Map.of(), TestSystem.ALICE)))
                .isInstanceOfSatisfying(LanyardException.class, e -> {
                    assertThat(e.code()).isEqualTo("lint-tls-validity-398-days");
                    assertThat(e.kind()).isEqualTo(ErrorKind.POLICY_REFUSED);
                });

        assertThat(system.vault.signatures()).as("nothing signed").isEqualTo(signaturesBefore);
        CertificateRecord record = onlyRecord();
        assertThat(record.status()).isEqualTo(CertificateStatus.FAILED);
        assertThat(record.failureReason()).isEqualTo("lint-tls-validity-398-days");
    }

    @Test
    void serialCollisionDrawsAgain() {
        BigInteger first = new BigInteger(1, filled((byte) 0x11));
        system.certificates.taken.add(first);
        IssueCertificate issue = issueWith(new Serials(sequence((byte) 0x11, (byte) 0x22)));

        IssuedCertificate issued = issue.issue(request());

        assertThat(issued.certificate().getSerialNumber()).isEqualTo(new BigInteger(1, filled((byte) 0x22)));
        assertThat(system.certificates.all()).hasSize(1);
    }

    @Test
    void fiveCollisionsGiveUpWithoutSigning() {
        system.certificates.taken.add(new BigInteger(1, filled((byte) 0x11)));
        IssueCertificate issue = issueWith(new Serials(sequence((byte) 0x11)));

        assertThatThrownBy(() -> issue.issue(request())).isInstanceOfSatisfying(LanyardException.class, e -> {
            assertThat(e.code()).isEqualTo("serial-exhausted");
            assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL);
        });
        assertThat(system.certificates.all()).isEmpty();
        assertThat(system.vault.signatures()).isEqualTo(signaturesBefore);
    }

    private IssueCertificate issueWith(Serials serials) {
        return new IssueCertificate(system.profiles, system.issuers, system.certificates, system.tx, system.audit,
                serials, IssuancePolicy.standard(), system.lint, system.clock);
    }

    private static byte[] filled(byte value) {
        byte[] bytes = new byte[Serials.RANDOM_BITS / 8];
        Arrays.fill(bytes, value);
        return bytes;
    }

    /** A "random" source that fills with the given bytes in turn, repeating the last. */
    private static SecureRandom sequence(byte... values) {
        return new SecureRandom() {
            private int next;

            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, values[Math.min(next++, values.length - 1)]);
            }
        };
    }
}
