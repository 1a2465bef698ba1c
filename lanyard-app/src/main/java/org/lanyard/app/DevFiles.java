package org.lanyard.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.ca.Pem;

/**
 * The files a fresh installation leaves in its data directory for the person who set it up:
 * {@code admin.token} (the System Owner's API token), {@code ca-chain.pem} (issuing CA first,
 * then root) and, for development installs only, the generated key store password.
 */
public final class DevFiles {

    public static final String ADMIN_TOKEN = "admin.token";
    public static final String CA_CHAIN = "ca-chain.pem";
    public static final String DEV_KEYSTORE_PASSWORD = "dev-keystore.password";

    private DevFiles() {
    }

    public static void writeAdminToken(Path dataDir, String token) {
        write(dataDir.resolve(ADMIN_TOKEN), token + "\n");
    }

    public static void writeCaChain(Path dataDir, Issuer issuer) {
        write(dataDir.resolve(CA_CHAIN), Pem.certificates(issuer.chain()));
    }

    /** The development key store password: read from the data directory, made on first use. */
    public static char[] devKeystorePassword(Path dataDir) {
        Path file = dataDir.resolve(DEV_KEYSTORE_PASSWORD);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim().toCharArray();
            }
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            write(file, password + "\n");
            return password.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dev password if this data directory has one, else null. */
    public static char[] existingDevKeystorePassword(Path dataDir) {
        Path file = dataDir.resolve(DEV_KEYSTORE_PASSWORD);
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.US_ASCII).trim().toCharArray() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Private.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
