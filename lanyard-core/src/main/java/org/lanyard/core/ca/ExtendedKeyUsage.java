package org.lanyard.core.ca;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** Extended key usages that Lanyard profiles may name, with their OIDs. */
public enum ExtendedKeyUsage {
    serverAuth("1.3.6.1.5.5.7.3.1"),
    clientAuth("1.3.6.1.5.5.7.3.2"),
    codeSigning("1.3.6.1.5.5.7.3.3"),
    emailProtection("1.3.6.1.5.5.7.3.4"),
    timeStamping("1.3.6.1.5.5.7.3.8"),
    OCSPSigning("1.3.6.1.5.5.7.3.9"),
    /** Microsoft smart-card logon. */
    smartcardLogon("1.3.6.1.4.1.311.20.2.2"),
    /** PIV card authentication (FIPS 201, id-PIV-cardAuth). */
    pivCardAuth("2.16.840.1.101.3.6.8"),
    /** Document signing (RFC 9336). */
    documentSigning("1.3.6.1.5.5.7.3.36"),
    anyExtendedKeyUsage("2.5.29.37.0");

    private final String oid;

    ExtendedKeyUsage(String oid) {
        this.oid = oid;
    }

    public ASN1ObjectIdentifier oid() {
        return new ASN1ObjectIdentifier(oid);
    }
}
