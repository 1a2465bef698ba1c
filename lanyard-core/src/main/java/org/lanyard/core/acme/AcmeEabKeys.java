package org.lanyard.core.acme;

import java.util.List;
import java.util.Optional;

/** Port: External Account Binding keys. */
public interface AcmeEabKeys {

    void insert(EabKey key);

    Optional<EabKey> find(String id);

    List<EabKey> list(String endpoint);

    /** Binds the key to the account if it is still unbound; false when already used. */
    boolean bind(String keyId, String accountId);
}
