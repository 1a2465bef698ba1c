package org.lanyard.core.acme;

import java.time.Instant;
import java.util.List;

/**
 * An ACME account (RFC 8555 §7.1.2) on one endpoint, identified by its key's thumbprint.
 *
 * @param eabKeyId the External Account Binding key it was created with, or null
 */
public record Account(String id, String endpoint, String thumbprint, String jwk, Status status, List<String> contacts,
        String eabKeyId, Instant createdAt) {

    public enum Status { VALID, DEACTIVATED, REVOKED }

    public Account {
        contacts = List.copyOf(contacts);
    }

    public Account withStatus(Status s) {
        return new Account(id, endpoint, thumbprint, jwk, s, contacts, eabKeyId, createdAt);
    }

    public Account withContacts(List<String> c) {
        return new Account(id, endpoint, thumbprint, jwk, status, c, eabKeyId, createdAt);
    }

    public Account withKey(Jwk key) {
        return new Account(id, endpoint, key.thumbprint(), key.canonical(), status, contacts, eabKeyId, createdAt);
    }
}
