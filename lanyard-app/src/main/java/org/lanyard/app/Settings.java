package org.lanyard.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a Lanyard node needs to start, with a safe default for each field. Read from the
 * environment ({@code LANYARD_*}) and overridden by command-line options; see README
 * "Configuration". Secrets (passwords, PINs) are never logged.
 *
 * @param dataDir            where the embedded database, key store and dev files live
 * @param databaseUrl        JDBC URL; empty means the embedded H2 database in {@code dataDir}
 * @param keystorePassword   password of the PKCS#12 key store (required unless PKCS#11 is used)
 * @param pkcs11Library      PKCS#11 module path; when set, CA keys live on that token
 * @param pkcs11SlotIndex    the token's index in the module's slot list (used when no slot id is given)
 * @param pkcs11SlotId       the token's slot id; null to use the slot index
 * @param bindAddress        address the HTTPS listener binds to
 * @param nodeId             this node's name in the transaction log
 * @param publicUrl          base URL clients use, written into certificates later (CRL, OCSP)
 */
public record Settings(
        Path dataDir,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        char[] keystorePassword,
        String pkcs11Library,
        int pkcs11SlotIndex,
        Long pkcs11SlotId,
        char[] pkcs11Pin,
        String bindAddress,
        int port,
        String nodeId,
        String publicUrl,
        boolean dev) {

    public static final int DEFAULT_PORT = 8443;

    /** Settings from the environment, defaults elsewhere. */
    public static Settings fromEnvironment(Map<String, String> env) {
        Path data = Path.of(env.getOrDefault("LANYARD_DATA", "lanyard-data")).toAbsolutePath();
        int port = Integer.parseInt(env.getOrDefault("LANYARD_PORT", Integer.toString(DEFAULT_PORT)));
        String bind = env.getOrDefault("LANYARD_BIND", "127.0.0.1");
        return new Settings(data,
                env.getOrDefault("LANYARD_DB_URL", ""),
                env.getOrDefault("LANYARD_DB_USER", ""),
                env.getOrDefault("LANYARD_DB_PASSWORD", ""),
                chars(env.get("LANYARD_KEYSTORE_PASSWORD")),
                env.getOrDefault("LANYARD_PKCS11_LIBRARY", ""),
                Integer.parseInt(env.getOrDefault("LANYARD_PKCS11_SLOT_INDEX", "0")),
                env.containsKey("LANYARD_PKCS11_SLOT") ? Long.valueOf(env.get("LANYARD_PKCS11_SLOT")) : null,
                chars(env.get("LANYARD_PKCS11_PIN")),
                bind,
                port,
                env.getOrDefault("LANYARD_NODE_ID", hostName()),
                env.getOrDefault("LANYARD_PUBLIC_URL", ""),
                false);
    }

    public Settings withDataDir(Path dir) {
        return new Settings(dir.toAbsolutePath(), databaseUrl, databaseUser, databasePassword, keystorePassword,
                pkcs11Library, pkcs11SlotIndex, pkcs11SlotId, pkcs11Pin, bindAddress, port, nodeId, publicUrl, dev);
    }

    public Settings withPort(int newPort) {
        return new Settings(dataDir, databaseUrl, databaseUser, databasePassword, keystorePassword, pkcs11Library,
                pkcs11SlotIndex, pkcs11SlotId, pkcs11Pin, bindAddress, newPort, nodeId, publicUrl, dev);
    }

    public Settings withKeystorePassword(char[] password) {
        return new Settings(dataDir, databaseUrl, databaseUser, databasePassword, password, pkcs11Library,
                pkcs11SlotIndex, pkcs11SlotId, pkcs11Pin, bindAddress, port, nodeId, publicUrl, dev);
    }

    public Settings asDev() {
        return new Settings(dataDir, databaseUrl, databaseUser, databasePassword, keystorePassword, pkcs11Library,
                pkcs11SlotIndex, pkcs11SlotId, pkcs11Pin, bindAddress, port, nodeId, publicUrl, true);
    }

    /** The URL clients reach this node at. */
    public String baseUrl() {
        if (publicUrl != null && !publicUrl.isBlank()) {
            return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        }
        String host = "0.0.0.0".equals(bindAddress) || "::".equals(bindAddress) ? "127.0.0.1" : bindAddress;
        return "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    public boolean usesPkcs11() {
        return pkcs11Library != null && !pkcs11Library.isBlank();
    }

    @Override
    public String toString() {
        return "Settings[data=" + dataDir + ", database=" + (databaseUrl.isBlank() ? "embedded H2" : databaseUrl)
                + ", keys=" + (usesPkcs11() ? "pkcs11 " + pkcs11Library : "pkcs12") + ", listen=" + bindAddress + ":"
                + port + ", node=" + nodeId + "]";
    }

    private static char[] chars(String value) {
        return value == null || value.isEmpty() ? null : value.toCharArray();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "node-1";
        }
    }
}
