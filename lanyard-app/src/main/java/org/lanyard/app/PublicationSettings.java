package org.lanyard.app;

import java.time.Duration;
import java.util.Map;

/**
 * The plain-HTTP publication listener (CRLs, OCSP, issuer certificates) and the CRL defaults for
 * issuers that have no stored CRL policy yet. Read from {@code LANYARD_*} variables (README
 * "Configuration"); every field has a safe default.
 *
 * @param httpPort      plain-HTTP port serving only /crl/**, /ocsp/** and /ca/**; 0 disables it
 * @param publicHttpUrl base URL written into certificates (CRL distribution point, AIA); empty:
 *                      {@code http://<bind>:<httpPort>}
 * @param crlShards     CRL shards of an issuer's first policy (fixed afterwards, ADR 0007)
 * @param crlDeltas     publish delta CRLs
 * @param crlValidity   nextUpdate − thisUpdate of a full CRL
 * @param deltaValidity nextUpdate − thisUpdate of a delta CRL
 * @param jobInterval   how often the CRL and OCSP signer jobs look for work
 */
public record PublicationSettings(int httpPort, String publicHttpUrl, int crlShards, boolean crlDeltas,
        Duration crlValidity, Duration deltaValidity, Duration jobInterval) {

    public static final int DEFAULT_HTTP_PORT = 8080;

    public static PublicationSettings fromEnvironment(Map<String, String> env) {
        return new PublicationSettings(
                Integer.parseInt(env.getOrDefault("LANYARD_HTTP_PORT", Integer.toString(DEFAULT_HTTP_PORT))),
                env.getOrDefault("LANYARD_PUBLIC_HTTP_URL", ""),
                Integer.parseInt(env.getOrDefault("LANYARD_CRL_SHARDS", "4")),
                Boolean.parseBoolean(env.getOrDefault("LANYARD_CRL_DELTAS", "true")),
                Duration.parse(env.getOrDefault("LANYARD_CRL_VALIDITY", "PT24H")),
                Duration.parse(env.getOrDefault("LANYARD_CRL_DELTA_VALIDITY", "PT1H")),
                Duration.parse(env.getOrDefault("LANYARD_JOB_INTERVAL", "PT1M")));
    }

    public PublicationSettings withHttpPort(int port) {
        return new PublicationSettings(port, publicHttpUrl, crlShards, crlDeltas, crlValidity, deltaValidity,
                jobInterval);
    }

    /** The base of every publication URL, without a trailing slash. */
    public String baseUrl(String bindAddress) {
        if (publicHttpUrl != null && !publicHttpUrl.isBlank()) {
            return publicHttpUrl.endsWith("/") ? publicHttpUrl.substring(0, publicHttpUrl.length() - 1)
                    : publicHttpUrl;
        }
        String host = bindAddress == null || "0.0.0.0".equals(bindAddress) || "::".equals(bindAddress) ? "127.0.0.1"
                : bindAddress;
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + httpPort;
    }
}
