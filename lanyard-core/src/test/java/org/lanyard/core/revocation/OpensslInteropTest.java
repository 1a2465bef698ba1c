package org.lanyard.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lanyard.core.revocation.RevokeCertificateTest.OPERATOR;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lanyard.core.ca.Pem;

/**
 * Interop with a verifier someone else wrote: OpenSSL checks the CRL signature, rejects a
 * revoked certificate with {@code -crl_check}, and reads the OCSP responses. The test clock is
 * set to the real time, because OpenSSL checks thisUpdate/nextUpdate against it.
 */
class OpensslInteropTest {

    final Revocations r = new Revocations(CrlWriterTest.SHARDED, "acme",
            java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    final OcspSigningKey key = r.ocspKey();
    final OcspResponder responder = r.ocspResponder(key);

    @TempDir
    Path dir;

    @BeforeEach
    void openssl() {
        assumeTrue(run(List.of("openssl", "version")).exit == 0, "openssl is not installed");
    }

    @Test
    void opensslVerifiesTheCrlAndRejectsTheRevokedCertificate() throws Exception {
        X509Certificate revoked = r.ca.issue(r.certificates, Duration.ofDays(90));
        int shard = CrlWriterTest.SHARDED.shardOf(revoked.getSerialNumber());
        X509Certificate good = sameShard(shard);
        r.revoke.revoke(revoked.getSerialNumber(), RevocationReason.keyCompromise, null, OPERATOR);
        ByteArrayOutputStream crl = new ByteArrayOutputStream();
        r.crlWriter().writeFull(r.ca.issuing, CrlWriterTest.SHARDED, shard, crl);
        Path ca = write("ca.pem", Pem.certificates(r.ca.issuing.issuer().chain()));
        Files.write(dir.resolve("crl.der"), crl.toByteArray());
        Path crlPem = write("crl.pem", Pem.encode("X509 CRL", crl.toByteArray()));

        Result check = run(List.of("openssl", "crl", "-inform", "DER", "-in", dir.resolve("crl.der").toString(),
                "-CAfile", ca.toString(), "-noout"));
        assertThat(check.exit).as(check.output).isZero();
        assertThat(check.output).contains("verify OK");

        Result rejected = run(List.of("openssl", "verify", "-crl_check", "-CAfile", ca.toString(), "-CRLfile",
                crlPem.toString(), write("revoked.pem", Pem.certificate(revoked)).toString()));
        assertThat(rejected.exit).as(rejected.output).isNotZero();
        assertThat(rejected.output).contains("certificate revoked");

        Result accepted = run(List.of("openssl", "verify", "-crl_check", "-CAfile", ca.toString(), "-CRLfile",
                crlPem.toString(), write("good.pem", Pem.certificate(good)).toString()));
        assertThat(accepted.exit).as(accepted.output).isZero();
    }

    @Test
    void opensslReadsGoodRevokedAndGoodAgainFromOcsp() throws Exception {
        X509Certificate leaf = r.ca.issue(r.certificates, Duration.ofDays(90));
        Path issuer = write("issuer.pem", Pem.certificate(r.ca.issuing.issuer().certificate()));
        Path ca = write("ca.pem", Pem.certificates(r.ca.issuing.issuer().chain()));
        Path cert = write("leaf.pem", Pem.certificate(leaf));

        assertThat(ocsp(issuer, ca, cert, leaf.getSerialNumber())).contains(": good");

        r.revoke.revoke(leaf.getSerialNumber(), RevocationReason.certificateHold, null, OPERATOR);
        assertThat(ocsp(issuer, ca, cert, leaf.getSerialNumber())).contains(": revoked")
                .contains("Reason: certificateHold").contains("Revocation Time:");

        r.resume.resume(leaf.getSerialNumber(), OPERATOR);
        assertThat(ocsp(issuer, ca, cert, leaf.getSerialNumber())).contains(": good");

        r.revoke.revoke(leaf.getSerialNumber(), RevocationReason.keyCompromise, null, OPERATOR);
        assertThat(ocsp(issuer, ca, cert, leaf.getSerialNumber())).contains(": revoked")
                .contains("Reason: keyCompromise");
    }

    @Test
    void opensslRequestWithNonceGetsItEchoed() throws Exception {
        X509Certificate leaf = r.ca.issue(r.certificates, Duration.ofDays(90));
        Path issuer = write("issuer.pem", Pem.certificate(r.ca.issuing.issuer().certificate()));
        Path ca = write("ca.pem", Pem.certificates(r.ca.issuing.issuer().chain()));
        Path cert = write("leaf.pem", Pem.certificate(leaf));
        Path request = dir.resolve("req.der");
        Result made = run(List.of("openssl", "ocsp", "-issuer", issuer.toString(), "-cert", cert.toString(),
                "-reqout", request.toString()));
        assertThat(made.exit).as(made.output).isZero();

        OcspResponse response = responder.respond(Files.readAllBytes(request));
        Path respin = dir.resolve("resp.der");
        Files.write(respin, response.der());
        Result read = run(List.of("openssl", "ocsp", "-reqin", request.toString(), "-respin", respin.toString(),
                "-CAfile", ca.toString(), "-resp_text"));
        assertThat(read.exit).as(read.output).isZero();
        assertThat(read.output).contains("Response verify OK").contains("OCSP Nonce").doesNotContain("WARNING");
    }

    private String ocsp(Path issuer, Path ca, Path cert, BigInteger serial) throws IOException {
        r.clock.advance(Duration.ofSeconds(1));
        OcspResponse response = responder.respond(OcspClient.request(r.ca.issuing.issuer().certificate(), serial,
                null));
        Path respin = dir.resolve("resp.der");
        Files.write(respin, response.der());
        Result read = run(List.of("openssl", "ocsp", "-issuer", issuer.toString(), "-cert", cert.toString(),
                "-respin", respin.toString(), "-CAfile", ca.toString(), "-no_nonce"));
        assertThat(read.exit).as(read.output).isZero();
        assertThat(read.output).contains("Response verify OK");
        return read.output;
    }

    private X509Certificate sameShard(int shard) {
        while (true) {
            X509Certificate leaf = r.ca.issue(r.certificates, Duration.ofDays(90));
            if (CrlWriterTest.SHARDED.shardOf(leaf.getSerialNumber()) == shard) {
                return leaf;
            }
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    }

    record Result(int exit, String output) {
    }

    static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString());
        }
    }
}
