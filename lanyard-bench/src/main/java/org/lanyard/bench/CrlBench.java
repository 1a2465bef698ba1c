package org.lanyard.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.lanyard.core.ca.ActiveIssuer;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.crypto.Providers;
import org.lanyard.core.revocation.CrlPolicy;
import org.lanyard.core.revocation.CrlWriter;
import org.lanyard.core.revocation.RevocationReason;

/**
 * bench/crl: a full CRL with N revoked entries (default 1,000,000), built by Lanyard's streaming
 * {@link CrlWriter} and by BouncyCastle's {@link X509v2CRLBuilder} from the same synthetic
 * revocations, same key (P-256), same extensions. Each engine runs in its own JVM with the
 * same heap settings, after a 20,000-entry warm-up; reported: wall time and peak heap (live
 * data after GC). Ends with one {@code RESULT crl ...} line.
 *
 * <pre>
 * CrlBench [entries] [xmx]          runs both engines in child JVMs and compares
 * CrlBench --engine lanyard|bc N    one engine in this JVM (what the children run)
 * </pre>
 */
public final class CrlBench {

    private static final String CRL_URL = "http://crl.bench.test/ca/0.crl";

    private CrlBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("--engine")) {
            runEngine(args[1], Integer.parseInt(args[2]));
            return;
        }
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String xmx = args.length > 1 ? args[1] : "2g";
        Map<String, String> lanyard = child("lanyard", entries, xmx, "64m");
        Map<String, String> bc = child("bc", entries, xmx, "64m");
        Map<String, String> small = child("lanyard", entries, "64m", "16m");
        double lanyardMs = Double.parseDouble(lanyard.get("ms"));
        double bcMs = Double.parseDouble(bc.get("ms"));
        double lanyardMb = Double.parseDouble(lanyard.get("live_peak_mb"));
        double bcMb = Double.parseDouble(bc.get("live_peak_mb"));
        System.out.printf("lanyard: %s ms, live peak %s MB, used peak %s MB, %s bytes%n", lanyard.get("ms"),
                lanyard.get("live_peak_mb"), lanyard.get("used_peak_mb"), lanyard.get("bytes"));
        System.out.printf("bc:      %s ms, live peak %s MB, used peak %s MB, %s bytes%n", bc.get("ms"),
                bc.get("live_peak_mb"), bc.get("used_peak_mb"), bc.get("bytes"));
        System.out.printf("lanyard with -Xmx64m: %s%n", small.containsKey("ms")
                ? "ok, " + small.get("ms") + " ms, live peak " + small.get("live_peak_mb") + " MB" : "FAILED");
        System.out.printf("RESULT crl entries=%d lanyard_ms=%.0f bc_ms=%.0f lanyard_peak_mb=%.1f bc_peak_mb=%.1f "
                + "ratio_time=%.2f ratio_heap=%.3f%n", entries, lanyardMs, bcMs, lanyardMb, bcMb, lanyardMs / bcMs,
                lanyardMb / bcMb);
    }

    /** Runs one engine in a child JVM with the same class path and returns its MEASURE fields. */
    private static Map<String, String> child(String engine, int entries, String xmx, String young)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
                + File.separator + "java", "-Xmx" + xmx, "-Xmn" + young, "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), CrlBench.class.getName(), "--engine", engine,
                Integer.toString(entries)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, String> fields = new HashMap<>();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        for (String line : output.split("\n")) {
            if (line.startsWith("MEASURE ")) {
                for (String field : line.substring(8).trim().split(" ")) {
                    String[] kv = field.split("=", 2);
                    fields.put(kv[0], kv[1]);
                }
            }
        }
        if (!fields.containsKey("ms")) {
            System.err.println(engine + " (-Xmx" + xmx + ") failed:\n" + output);
        }
        return fields;
    }

    private static void runEngine(String engine, int entries) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Providers.bc());
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        X509Certificate ca = caCertificate(keys);
        ActiveIssuer issuer = new ActiveIssuer(new Issuer("bench", "Bench CA", List.of(ca), "bench", true,
                SyntheticRevocations.BASE), new StreamingSigner(keys));
        Instant thisUpdate = SyntheticRevocations.BASE.plus(Duration.ofDays(400));

        // warm-up, checked: the CRL must verify with the CA key
        CountingStream warm = new CountingStream(true);
        build(engine, issuer, keys, new SyntheticRevocations("bench", 20_000), thisUpdate, warm);
        if (!new X509CRLHolder(warm.bytes()).isSignatureValid(new JcaContentVerifierProviderBuilder().build(ca))) {
            throw new IllegalStateException(engine + " made a CRL that does not verify");
        }

        HeapWatch heap = new HeapWatch();
        heap.reset();
        CountingStream out = new CountingStream(false);
        long start = System.nanoTime();
        build(engine, issuer, keys, new SyntheticRevocations("bench", entries), thisUpdate, out);
        long ms = (System.nanoTime() - start) / 1_000_000;
        long usedPeak = heap.usedPeak();
        long livePeak = heap.livePeak();
        System.out.printf("MEASURE engine=%s entries=%d ms=%d live_peak_mb=%.1f used_peak_mb=%.1f bytes=%d%n", engine,
                entries, ms, livePeak / 1048576.0, usedPeak / 1048576.0, out.count);
    }

    private static void build(String engine, ActiveIssuer issuer, KeyPair keys, SyntheticRevocations store,
            Instant thisUpdate, OutputStream out) throws Exception {
        CrlPolicy policy = new CrlPolicy(1, CRL_URL, null, Duration.ofDays(7), null, true);
        if (engine.equals("lanyard")) {
            new CrlWriter(store, java.time.Clock.fixed(thisUpdate, java.time.ZoneOffset.UTC), null)
                    .writeFull(issuer, policy, 0, out);
            return;
        }
        X509Certificate ca = issuer.issuer().certificate();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(thisUpdate.plus(policy.validity())));
        builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.ONE));
        builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(
                new BcX509ExtensionUtils().createSubjectKeyIdentifier(
                        SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded())).getKeyIdentifier()));
        builder.addExtension(Extension.issuingDistributionPoint, true, new IssuingDistributionPoint(
                new DistributionPointName(new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier,
                        CRL_URL))), true, false, null, false, false));
        store.forEach(r -> {
            int reason = r.reason() == RevocationReason.unspecified ? 0 : r.reason().code();
            if (r.invalidityDate() == null) {
                builder.addCRLEntry(r.serial(), Date.from(r.revokedAt()), reason);
            } else {
                builder.addCRLEntry(r.serial(), Date.from(r.revokedAt()), reason, Date.from(r.invalidityDate()));
            }
        });
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Providers.bc())
                .build(keys.getPrivate());
        out.write(builder.build(signer).getEncoded());
    }

    private static X509Certificate caCertificate(KeyPair keys) throws Exception {
        X500Name name = new X500Name("CN=Bench CA");
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(1), Date.from(SyntheticRevocations.BASE),
                Date.from(SyntheticRevocations.BASE.plus(Duration.ofDays(3650))), name, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, new BcX509ExtensionUtils()
                        .createSubjectKeyIdentifier(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded())));
        return new JcaX509CertificateConverter().setProvider(Providers.bc()).getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Providers.bc()).build(keys.getPrivate())));
    }

    /** Counts what is written; keeps it only when asked (the small warm-up CRL is verified). */
    private static final class CountingStream extends OutputStream {

        private final java.io.ByteArrayOutputStream kept;
        long count;

        CountingStream(boolean keep) {
            kept = keep ? new java.io.ByteArrayOutputStream() : null;
        }

        @Override
        public void write(int b) {
            count++;
            if (kept != null) {
                kept.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
            if (kept != null) {
                kept.write(b, off, len);
            }
        }

        byte[] bytes() {
            return kept.toByteArray();
        }
    }
}
