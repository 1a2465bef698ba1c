package org.lanyard.core.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lanyard.core.ca.CertificateProfile;
import org.lanyard.core.ca.ProfileStore;

/** Certificate profiles in a map. */
public final class MemoryProfileStore implements ProfileStore, MemoryTransactions.Participant {

    private Map<String, CertificateProfile> profiles = new LinkedHashMap<>();

    @Override
    public void save(CertificateProfile profile) {
        profiles.put(profile.id(), profile);
    }

    @Override
    public Optional<CertificateProfile> find(String id) {
        return Optional.ofNullable(profiles.get(id));
    }

    @Override
    public List<CertificateProfile> list() {
        return List.copyOf(profiles.values());
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(profiles);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        profiles = new LinkedHashMap<>((Map<String, CertificateProfile>) snapshot);
    }
}
