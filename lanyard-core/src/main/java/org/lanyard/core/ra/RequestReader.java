package org.lanyard.core.ra;

import java.util.Optional;

/** The read side of {@link RequestStore}, for front ends (see {@code CertificateReader}). */
public interface RequestReader {

    Optional<Request> find(String id);
}
