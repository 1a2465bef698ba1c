package org.lanyard.core.ca;

import org.bouncycastle.asn1.x509.KeyUsage;

/** The RFC 5280 §4.2.1.3 key usage bits, by the names the RFC gives them. */
public enum KeyUsageBit {
    digitalSignature(KeyUsage.digitalSignature),
    nonRepudiation(KeyUsage.nonRepudiation),
    keyEncipherment(KeyUsage.keyEncipherment),
    dataEncipherment(KeyUsage.dataEncipherment),
    keyAgreement(KeyUsage.keyAgreement),
    keyCertSign(KeyUsage.keyCertSign),
    cRLSign(KeyUsage.cRLSign);

    private final int mask;

    KeyUsageBit(int mask) {
        this.mask = mask;
    }

    public int mask() {
        return mask;
    }
}
