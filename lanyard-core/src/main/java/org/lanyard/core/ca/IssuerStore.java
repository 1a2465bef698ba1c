package org.lanyard.core.ca;

import java.util.List;
import java.util.Optional;

/** Storage of issuers (CA certificates and the alias of their keys). */
public interface IssuerStore extends IssuerReader {

    /** Inserts or updates; making one issuer the default clears the flag on the others. */
    void save(Issuer issuer);

    Optional<Issuer> find(String id);

    List<Issuer> list();
}
