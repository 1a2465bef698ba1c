package org.lanyard.core.ca;

import java.util.List;
import java.util.Optional;

/** The read side of {@link ProfileStore}, for front ends (see {@link CertificateReader}). */
public interface ProfileReader {

    Optional<CertificateProfile> find(String id);

    List<CertificateProfile> list();
}
