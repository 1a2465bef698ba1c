package org.lanyard.core.ca;

import java.math.BigInteger;
import java.util.Optional;
import org.lanyard.core.Page;

/**
 * The read side of {@link CertificateStore}: what a front end may ask of the inventory. Front
 * ends are handed this, never the store, so every change goes through a use case and its audit.
 */
public interface CertificateReader {

    Optional<CertificateRecord> find(BigInteger serial);

    Page<CertificateRecord> search(CertificateQuery query);
}
