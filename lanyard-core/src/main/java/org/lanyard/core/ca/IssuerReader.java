package org.lanyard.core.ca;

import java.util.List;
import java.util.Optional;

/** The read side of {@link IssuerStore}, for front ends (see {@link CertificateReader}). */
public interface IssuerReader {

    Optional<Issuer> find(String id);

    List<Issuer> list();
}
