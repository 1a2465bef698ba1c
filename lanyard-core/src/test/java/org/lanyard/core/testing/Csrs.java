package org.lanyard.core.testing;

import java.security.KeyPair;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.lanyard.core.ca.CsrIntake;
import org.lanyard.core.ca.ParsedCsr;
import org.lanyard.core.ca.SubjectAltName;
import org.lanyard.core.ca.SubjectAltNames;
import org.lanyard.core.crypto.Providers;

/** PKCS#10 requests as a client would send them, built with BouncyCastle. */
public final class Csrs {

    private Csrs() {
    }

    /** DER of a CSR for {@code key} with subject {@code subject} (RFC 4514, may be empty) and SANs. */
    public static byte[] der(KeyPair key, String subject, List<SubjectAltName> sans) {
        try {
            var builder = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject == null ? "" : subject),
                    key.getPublic());
            if (!sans.isEmpty()) {
                ExtensionsGenerator ext = new ExtensionsGenerator();
                ext.addExtension(Extension.subjectAlternativeName, false, SubjectAltNames.write(sans));
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
            }
            String alg = key.getPublic().getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            return builder.build(new JcaContentSignerBuilder(alg).setProvider(Providers.bc()).build(key.getPrivate()))
                    .getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static ParsedCsr parsed(KeyPair key, String subject, SubjectAltName... sans) {
        return CsrIntake.parse(der(key, subject, List.of(sans)));
    }

    public static SubjectAltName dns(String name) {
        return new SubjectAltName(org.lanyard.core.ca.SanType.DNS, name);
    }

    public static SubjectAltName san(String text) {
        return SubjectAltName.parse(text);
    }
}
