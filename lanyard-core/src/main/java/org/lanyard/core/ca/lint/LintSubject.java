package org.lanyard.core.ca.lint;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.TBSCertificate;

/** What the lint rules see: the to-be-signed certificate and the certificate of its issuer (null for a root). */
public record LintSubject(TBSCertificate tbs, X509Certificate issuer) {

    public Extension extension(org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        Extensions extensions = tbs.getExtensions();
        return extensions == null ? null : extensions.getExtension(oid);
    }

    public boolean selfIssued() {
        return issuer == null;
    }
}
