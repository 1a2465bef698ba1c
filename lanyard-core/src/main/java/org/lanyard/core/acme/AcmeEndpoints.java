package org.lanyard.core.acme;

import java.util.List;
import java.util.Optional;

/** Port: configured ACME endpoints beyond the built-in default. */
public interface AcmeEndpoints {

    void save(AcmeEndpoint endpoint);

    Optional<AcmeEndpoint> find(String name);

    List<AcmeEndpoint> list();
}
