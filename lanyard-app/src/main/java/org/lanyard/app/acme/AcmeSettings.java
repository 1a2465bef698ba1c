package org.lanyard.app.acme;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.lanyard.core.acme.AcmeEndpoint;
import org.lanyard.core.acme.AcmeOptions;

/**
 * ACME configuration from the environment (README "Configuration"), each with a safe default.
 *
 * @param dnsResolver   resolver for dns-01, CAA and the A/AAAA lookups of http-01 and tls-alpn-01;
 *                      null for the system's ({@code LANYARD_ACME_DNS_RESOLVER=host:port})
 * @param http01Port    port http-01 fetches ({@code LANYARD_ACME_HTTP01_PORT}, 80)
 * @param tlsAlpn01Port port tls-alpn-01 connects to ({@code LANYARD_ACME_TLSALPN01_PORT}, 443)
 * @param defaultEndpoint the endpoint at {@code /acme/directory}: EAB required except under start-dev
 */
public record AcmeSettings(InetSocketAddress dnsResolver, int http01Port, int tlsAlpn01Port,
        AcmeEndpoint defaultEndpoint, AcmeOptions options) {

    public static AcmeSettings fromEnvironment(Map<String, String> env, boolean dev, String baseUrl) {
        InetSocketAddress resolver = resolver(env.get("LANYARD_ACME_DNS_RESOLVER"));
        List<String> profiles = list(env.getOrDefault("LANYARD_ACME_PROFILES", "tls-server,tls-client"));
        boolean eab = Boolean.parseBoolean(env.getOrDefault("LANYARD_ACME_EAB_REQUIRED", Boolean.toString(!dev)));
        List<String> names = list(env.getOrDefault("LANYARD_ACME_DNS_NAMES", "*"));
        String host = URI.create(baseUrl).getHost();
        AcmeOptions defaults = AcmeOptions.defaults(list(env.getOrDefault("LANYARD_ACME_CAA_IDENTITIES", host)));
        AcmeOptions options = new AcmeOptions(defaults.orderLifetime(), defaults.authorizationLifetime(),
                defaults.caaIdentities(),
                Duration.parse(env.getOrDefault("LANYARD_ACME_CAA_RECHECK_AFTER", defaults.caaRecheckAfter().toString())),
                number(env, "LANYARD_ACME_ORDERS_PER_ACCOUNT", defaults.ordersPerAccount()),
                number(env, "LANYARD_ACME_ACCOUNTS_PER_ADDRESS", defaults.accountsPerAddress()),
                number(env, "LANYARD_ACME_CERTIFICATES_PER_DOMAIN", defaults.certificatesPerDomain()),
                Duration.parse(env.getOrDefault("LANYARD_ACME_RATE_WINDOW", defaults.window().toString())),
                env.get("LANYARD_ACME_TERMS_OF_SERVICE"), env.get("LANYARD_ACME_WEBSITE"));
        return new AcmeSettings(resolver, number(env, "LANYARD_ACME_HTTP01_PORT", 80),
                number(env, "LANYARD_ACME_TLSALPN01_PORT", 443),
                new AcmeEndpoint(AcmeEndpoint.DEFAULT, profiles, eab, names), options);
    }

    public AcmeSettings withOptions(AcmeOptions o) {
        return new AcmeSettings(dnsResolver, http01Port, tlsAlpn01Port, defaultEndpoint, o);
    }

    public AcmeSettings withDefaultEndpoint(AcmeEndpoint e) {
        return new AcmeSettings(dnsResolver, http01Port, tlsAlpn01Port, e, options);
    }

    static InetSocketAddress resolver(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            return new InetSocketAddress(value.trim(), 53);
        }
        return new InetSocketAddress(value.substring(0, colon).replace("[", "").replace("]", ""),
                Integer.parseInt(value.substring(colon + 1).trim()));
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
