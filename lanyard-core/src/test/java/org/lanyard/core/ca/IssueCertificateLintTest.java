package org.lanyard.core.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lanyard.core.testing.Csrs.san;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditEvent;
import org.lanyard.core.ca.lint.CertificateLint;
import org.lanyard.core.ca.lint.LintFinding;
import org.lanyard.core.ca.lint.LintRule;
import org.lanyard.core.ca.lint.LintedCertificate;
import org.lanyard.core.testing.Csrs;
import org.lanyard.core.testing.Keys;
import org.lanyard.core.testing.TestSystem;

/**
 * Lint, reserve with the hash, sign, in that order (docs/flows/issuance.md steps 3 to 6): the
 * signer sees only a linted TBS whose hash is already on the reservation, and the stored certificate is the one
 * whose hash was recorded. (That an unlinted TBS cannot reach the signer at all is the compiler's
 * part: {@code Certificates.sign} takes a {@link LintedCertificate}, which only the lint makes.)
 */
class IssueCertificateLintTest {

    private TestSystem system;
    /** What the signer found in the store at the moment it was called, one entry per call. */
    private final List<Optional<String>> hashSeenBySigner = new ArrayList<>();
    private final List<String> hashOfSignedBytes = new ArrayList<>();
    /** What the store answers for the recorded hash; a test may replace the real answer. */
    private java.util.function.Function<BigInteger, Optional<String>> recordedHash;

    @BeforeEach
    void ca() {
        system = TestSystem.withCa(KeyAlgorithm.EC_P256);
        recordedHash = system.certificates::tbsHash;
    }

    @Test
    void theHashOfTheLintedTbsIsStoredBeforeSigningAndEqualsTheIssuedCertificatesTbs() throws Exception {
        IssuedCertificate issued = issue(system.lint).orElseThrow();
        X509Certificate certificate = issued.certificate();
        String expected = LintedCertificate.sha256(certificate.getTBSCertificate());

        assertThat(system.certificates.find(certificate.getSerialNumber()).orElseThrow().tbsHash()).isEqualTo(expected);
        assertThat(issued.record().tbsHash()).isEqualTo(expected);
        // the signer was called once, on exactly those bytes, and the hash was already stored then
        assertThat(hashOfSignedBytes).containsExactly(expected);
        assertThat(hashSeenBySigner).containsExactly(Optional.of(expected));
        // the request's audit event names it
        AuditEvent requested = event("certificate.requested");
        assertThat(requested.target()).isEqualTo(Serials.hex(certificate.getSerialNumber()));
        assertThat(requested.details()).contains("\"tbsSha256\"", expected);
        assertThat(system.auditLog.actions()).containsSubsequence("certificate.requested", "certificate.issued");
    }

    @Test
    void aTbsThatFailsTheLintNeverReachesTheSignerAndTheReservationFails() {
        CertificateLint refuseAll = new CertificateLint(List.of(new LintRule("always", LintFinding.Severity.ERROR,
                s -> Optional.of("refused for the test"))));

        assertThatThrownBy(() -> issue(refuseAll)).isInstanceOfSatisfying(LanyardException.class,
                e -> assertThat(e.code()).isEqualTo("lint-always"));

        assertThat(hashSeenBySigner).as("the signer was never called").isEmpty();
        CertificateRecord record = onlyRecord();
        assertThat(record.status()).isEqualTo(CertificateStatus.FAILED);
        assertThat(record.failureReason()).isEqualTo("lint-always");
        assertThat(record.tbsHash()).isNull();
        assertThat(system.auditLog.actions()).containsSubsequence("certificate.requested", "certificate.failed")
                .doesNotContain("certificate.issued");
        assertThat(event("certificate.requested").details()).doesNotContain("tbsSha256");
    }

    @Test
    void aSignedCertificateWhoseTbsIsNotTheRecordedOneIsNotStored() {
        // the store holds another hash than the one just signed (a bug, a second writer)
        recordedHash = serial -> Optional.of("00".repeat(32));

        assertThatThrownBy(() -> issue(system.lint)).isInstanceOfSatisfying(LanyardException.class, e -> {
            assertThat(e.code()).isEqualTo("tbs-hash-mismatch");
            assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL);
        });

        CertificateRecord record = onlyRecord();
        assertThat(record.status()).isEqualTo(CertificateStatus.FAILED);
        assertThat(record.failureReason()).isEqualTo("tbs-hash-mismatch");
        assertThat(record.der()).isNull();
        assertThat(system.auditLog.actions()).doesNotContain("certificate.issued");
    }

    private Optional<IssuedCertificate> issue(CertificateLint lint) {
        Issuers spying = new Issuers(system.issuerStore, system.vault) {
            @Override
            public ActiveIssuer resolve(String issuerId) {
                ActiveIssuer real = super.resolve(issuerId);
                return new ActiveIssuer(real.issuer(), new SpyingSigner(real.signer()));
            }
        };
        IssueCertificate issue = new IssueCertificate(system.profiles, spying, new HashLookup(), system.tx,
                system.audit, system.serials, IssuancePolicy.standard(), lint, system.clock);
        KeyPair pair = Keys.generate(KeyAlgorithm.EC_P256);
        return Optional.of(issue.issue(new IssuanceRequest("tls-server",
                CsrIntake.parse(Csrs.der(pair, "", List.of(san("DNS:www.example.com")))), Map.of(),
                TestSystem.ALICE)));
    }

    private CertificateRecord onlyRecord() {
        List<CertificateRecord> all = system.certificates.search(
                CertificateQuery.all(new org.lanyard.core.PageRequest(0, 10))).items();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private AuditEvent event(String action) {
        return system.auditLog.stored().stream().filter(e -> e.action().equals(action)).findFirst().orElseThrow();
    }

    /** The test system's store, with {@link #recordedHash} answering {@code tbsHash}. */
    private final class HashLookup implements CertificateStore {
        @Override
        public void reserve(CertificateRecord reservation) {
            system.certificates.reserve(reservation);
        }

        @Override
        public void complete(CertificateRecord issued) {
            system.certificates.complete(issued);
        }

        @Override
        public void fail(BigInteger serial, String reason) {
            system.certificates.fail(serial, reason);
        }

        @Override
        public Optional<CertificateRecord> find(BigInteger serial) {
            return system.certificates.find(serial);
        }

        @Override
        public Optional<String> tbsHash(BigInteger serial) {
            return recordedHash.apply(serial);
        }

        @Override
        public org.lanyard.core.Page<CertificateRecord> search(CertificateQuery query) {
            return system.certificates.search(query);
        }
    }

    private final class SpyingSigner implements Signer {
        private final Signer signer;

        SpyingSigner(Signer signer) {
            this.signer = signer;
        }

        @Override
        public PublicKey publicKey() {
            return signer.publicKey();
        }

        @Override
        public KeyAlgorithm algorithm() {
            return signer.algorithm();
        }

        @Override
        public byte[] sign(byte[] data) {
            BigInteger serial = TBSCertificate.getInstance(data).getSerialNumber().getValue();
            hashSeenBySigner.add(system.certificates.tbsHash(serial));
            hashOfSignedBytes.add(LintedCertificate.sha256(data));
            return signer.sign(data);
        }
    }
}
