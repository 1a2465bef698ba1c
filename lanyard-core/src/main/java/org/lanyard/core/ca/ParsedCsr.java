package org.lanyard.core.ca;

import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** A CSR whose signature has been checked: the requester holds the private key (proof of possession). */
public record ParsedCsr(byte[] der, X500Name subject, SubjectPublicKeyInfo publicKey, List<SubjectAltName> subjectAltNames) {

    public ParsedCsr {
        subjectAltNames = List.copyOf(subjectAltNames);
    }
}
