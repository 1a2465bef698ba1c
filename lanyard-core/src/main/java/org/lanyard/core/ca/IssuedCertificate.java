package org.lanyard.core.ca;

import java.security.cert.X509Certificate;
import java.util.List;

/** A certificate that the store holds, with its issuer's chain (issuing CA first, root last). */
public record IssuedCertificate(CertificateRecord record, X509Certificate certificate, List<X509Certificate> chain) {

    public IssuedCertificate {
        chain = List.copyOf(chain);
    }
}
