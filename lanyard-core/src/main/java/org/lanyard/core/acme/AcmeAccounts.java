package org.lanyard.core.acme;

import java.time.Instant;
import java.util.Optional;

/** Port: ACME accounts. A key (thumbprint) belongs to at most one account per endpoint. */
public interface AcmeAccounts {

    /** @throws KeyInUseException when another account of the endpoint has this key */
    void insert(Account account);

    /** Replaces contacts, status and key. @throws KeyInUseException as for insert */
    void update(Account account);

    Optional<Account> find(String id);

    Optional<Account> findByThumbprint(String endpoint, String thumbprint);

    /** Accounts created from this client address since {@code since} (rate limit). */
    int countCreatedByAddress(String address, Instant since);

    /** Stores the creating address with the account, for {@link #countCreatedByAddress}. */
    void recordAddress(String accountId, String address, Instant at);

    final class KeyInUseException extends RuntimeException {
        public KeyInUseException() {
            super("the key belongs to another account", null, false, false);
        }
    }
}
