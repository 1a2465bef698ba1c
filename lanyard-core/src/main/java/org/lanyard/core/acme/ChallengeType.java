package org.lanyard.core.acme;

import java.util.List;

/** The challenge types Lanyard validates: RFC 8555 §8.3, §8.4 and RFC 8737. */
public final class ChallengeType {

    public static final String HTTP_01 = "http-01";
    public static final String DNS_01 = "dns-01";
    public static final String TLS_ALPN_01 = "tls-alpn-01";
    public static final List<String> ALL = List.of(HTTP_01, DNS_01, TLS_ALPN_01);

    private ChallengeType() {
    }
}
