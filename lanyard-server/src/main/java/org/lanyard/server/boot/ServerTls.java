package org.lanyard.server.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lanyard.app.Lanyard;
import org.lanyard.app.Private;
import org.lanyard.app.Settings;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.SanType;
import org.lanyard.core.ca.SubjectAltName;
import org.lanyard.core.ra.Principal;

/**
 * The server's own TLS material in {@code <data>/tls}: a key store with a {@code tls-server}
 * certificate from the built-in CA (issued through the normal pipeline, so it is stored and
 * audited), renewed when it has less than 30 days left, and a trust store of every issuer for
 * operator client certificates (mutual TLS).
 */
public record ServerTls(Path keyStore, Path trustStore, char[] password) {

    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    public static ServerTls prepare(Lanyard lanyard) {
        Path dir = lanyard.settings().dataDir().resolve("tls");
        try {
            Private.directory(dir);
            char[] password = password(dir.resolve("tls.password"));
            Path keyStore = dir.resolve("server.p12");
            if (!usable(keyStore, password, lanyard)) {
                var result = lanyard.issueWithServerKey().issue(new Principal.SystemJob("server-tls"), "tls-server",
                        KeyAlgorithm.EC_P256, names(lanyard.settings()), Map.of(), password);
                Private.write(keyStore, result.pkcs12());
            }
            Path trustStore = dir.resolve("trust.p12");
            writeTrustStore(trustStore, password, lanyard.issuers().list());
            return new ServerTls(keyStore, trustStore, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare TLS files in " + dir, e);
        }
    }

    static List<SubjectAltName> names(Settings settings) {
        Set<SubjectAltName> names = new LinkedHashSet<>();
        names.add(new SubjectAltName(SanType.DNS, "localhost"));
        names.add(new SubjectAltName(SanType.IP, "127.0.0.1"));
        String bind = settings.bindAddress();
        if (bind != null && !bind.isBlank() && !bind.equals("0.0.0.0") && !bind.equals("::")) {
            boolean ip = bind.matches("[0-9.]+") || bind.contains(":");
            names.add(new SubjectAltName(ip ? SanType.IP : SanType.DNS, bind));
        }
        try {
            String host = InetAddress.getLocalHost().getHostName().toLowerCase(java.util.Locale.ROOT);
            if (host.contains(".") && org.lanyard.core.ca.IssuanceRules.validDnsName(host)) {
                names.add(new SubjectAltName(SanType.DNS, host));
            }
        } catch (IOException ignored) {
            // no host name: localhost and the address will do
        }
        return new ArrayList<>(names);
    }

    private static boolean usable(Path keyStore, char[] password, Lanyard lanyard) {
        if (!Files.exists(keyStore)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            X509Certificate cert = (X509Certificate) store.getCertificate(store.aliases().nextElement());
            boolean fresh = cert.getNotAfter().toInstant().isAfter(lanyard.clock().instant().plus(RENEW_BEFORE));
            boolean issuerKnown = lanyard.issuers().list().stream()
                    .anyMatch(i -> i.certificate().getSubjectX500Principal().equals(cert.getIssuerX500Principal()));
            return fresh && issuerKnown;
        } catch (Exception e) {
            return false;
        }
    }

    private static void writeTrustStore(Path file, char[] password, List<Issuer> issuers) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (Issuer issuer : issuers) {
                store.setCertificateEntry(issuer.id(), issuer.certificate());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the TLS trust store", e);
        }
    }

    private static char[] password(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim().toCharArray();
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Private.write(file, password.getBytes(StandardCharsets.US_ASCII));
        return password.toCharArray();
    }
}
