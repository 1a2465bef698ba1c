package org.lanyard.core.ca;

import java.util.List;
import java.util.Optional;

/** Storage of certificate profiles. */
public interface ProfileStore extends ProfileReader {

    void save(CertificateProfile profile);

    Optional<CertificateProfile> find(String id);

    List<CertificateProfile> list();
}
