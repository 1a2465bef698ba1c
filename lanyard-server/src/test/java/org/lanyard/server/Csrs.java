package org.lanyard.server;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.lanyard.core.ca.Pem;
import org.lanyard.core.crypto.Providers;

/** CSRs for API tests: any key (also weak ones), DNS names, and a variant with a broken signature. */
final class Csrs {

    private Csrs() {
    }

    static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Providers.bc());
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", Providers.bc());
        g.initialize(bits);
        return g.generateKeyPair();
    }

    static byte[] der(KeyPair key, String cn, List<String> dnsNames) throws Exception {
        var builder = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + cn), key.getPublic());
        if (!dnsNames.isEmpty()) {
            ExtensionsGenerator ext = new ExtensionsGenerator();
            ext.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(dnsNames.stream()
                    .map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)));
            builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
        }
        String algorithm = key.getPublic().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return builder.build(new JcaContentSignerBuilder(algorithm).setProvider(Providers.bc()).build(key.getPrivate()))
                .getEncoded();
    }

    static String pem(KeyPair key, String cn, String... dnsNames) throws Exception {
        return Pem.encode("CERTIFICATE REQUEST", der(key, cn, List.of(dnsNames)));
    }

    /** A CSR whose last signature byte is flipped: well formed, but no proof of possession. */
    static String badSignature(KeyPair key, String cn, String dnsName) throws Exception {
        byte[] der = der(key, cn, List.of(dnsName));
        der[der.length - 1] ^= 0x01;
        return Pem.encode("CERTIFICATE REQUEST", der);
    }
}
