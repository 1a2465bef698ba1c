package org.lanyard.core.acme;

import java.time.Instant;
import java.util.List;

/**
 * An External Account Binding key (RFC 8555 §7.3.4) made by an operator: it binds the account
 * created with it to the profiles and DNS name patterns listed here (empty = the endpoint's).
 *
 * @param accountId the account it was used for (a key binds one account), or null
 */
public record EabKey(String id, String endpoint, byte[] hmacKey, List<String> profiles, List<String> dnsNames,
        String accountId, String createdBy, Instant createdAt) {

    public EabKey {
        profiles = List.copyOf(profiles);
        dnsNames = List.copyOf(dnsNames);
    }
}
