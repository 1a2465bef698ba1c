package org.lanyard.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.ca.IssuerStore;

/** Issuers in a map; saving a default issuer clears the flag on the others, as the port says. */
public final class MemoryIssuerStore implements IssuerStore, MemoryTransactions.Participant {

    private Map<String, Issuer> issuers = new LinkedHashMap<>();

    @Override
    public void save(Issuer issuer) {
        if (issuer.defaultIssuer()) {
            for (Issuer other : new ArrayList<>(issuers.values())) {
                if (other.defaultIssuer() && !other.id().equals(issuer.id())) {
                    issuers.put(other.id(), new Issuer(other.id(), other.name(), other.chain(), other.keyAlias(), false,
                            other.createdAt()));
                }
            }
        }
        issuers.put(issuer.id(), issuer);
    }

    @Override
    public Optional<Issuer> find(String id) {
        return Optional.ofNullable(issuers.get(id));
    }

    @Override
    public List<Issuer> list() {
        return List.copyOf(issuers.values());
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(issuers);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        issuers = new LinkedHashMap<>((Map<String, Issuer>) snapshot);
    }
}
