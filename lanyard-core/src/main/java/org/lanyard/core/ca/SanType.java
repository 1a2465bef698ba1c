package org.lanyard.core.ca;

import org.bouncycastle.asn1.x509.GeneralName;

/** Subject alternative name types a profile can allow. */
public enum SanType {
    DNS(GeneralName.dNSName),
    EMAIL(GeneralName.rfc822Name),
    IP(GeneralName.iPAddress),
    URI(GeneralName.uniformResourceIdentifier),
    /** Microsoft User Principal Name, an otherName (1.3.6.1.4.1.311.20.2.3) used for smart-card logon. */
    UPN(GeneralName.otherName);

    private final int tag;

    SanType(int tag) {
        this.tag = tag;
    }

    public int tag() {
        return tag;
    }
}
