package org.lanyard.core.ca;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.lanyard.core.ErrorCode;
import org.lanyard.core.LanyardException;

/** Converts between {@link SubjectAltName} and ASN.1 GeneralNames. */
public final class SubjectAltNames {

    /** Microsoft UPN otherName type. */
    public static final ASN1ObjectIdentifier UPN = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3");

    private SubjectAltNames() {
    }

    public static List<SubjectAltName> read(GeneralNames names) {
        List<SubjectAltName> out = new ArrayList<>();
        for (GeneralName name : names.getNames()) {
            out.add(read(name));
        }
        return out;
    }

    static SubjectAltName read(GeneralName name) {
        switch (name.getTagNo()) {
            case GeneralName.dNSName:
                return new SubjectAltName(SanType.DNS, ((ASN1String) name.getName()).getString());
            case GeneralName.rfc822Name:
                return new SubjectAltName(SanType.EMAIL, ((ASN1String) name.getName()).getString());
            case GeneralName.uniformResourceIdentifier:
                return new SubjectAltName(SanType.URI, ((ASN1String) name.getName()).getString());
            case GeneralName.iPAddress:
                byte[] octets = ASN1OctetString.getInstance(name.getName()).getOctets();
                if (octets.length != 4 && octets.length != 16) {
                    throw LanyardException.of(ErrorCode.CSR_SAN_MALFORMED, "an IP address SAN must have 4 or 16 octets");
                }
                try {
                    return new SubjectAltName(SanType.IP, InetAddress.getByAddress(octets).getHostAddress());
                } catch (UnknownHostException e) {
                    throw LanyardException.of(ErrorCode.CSR_SAN_MALFORMED, "unreadable IP address SAN");
                }
            case GeneralName.otherName:
                ASN1Sequence other = ASN1Sequence.getInstance(name.getName());
                ASN1ObjectIdentifier type = ASN1ObjectIdentifier.getInstance(other.getObjectAt(0));
                if (UPN.equals(type)) {
                    ASN1Encodable value = ASN1TaggedObject.getInstance(other.getObjectAt(1)).getExplicitBaseObject();
                    return new SubjectAltName(SanType.UPN, ((ASN1String) value).getString());
                }
                throw LanyardException.of(ErrorCode.CSR_SAN_UNSUPPORTED, "otherName " + type.getId() + " is not supported");
            default:
                throw LanyardException.of(ErrorCode.CSR_SAN_UNSUPPORTED,
                        "subject alternative name of tag " + name.getTagNo() + " is not supported");
        }
    }

    public static GeneralName write(SubjectAltName san) {
        return switch (san.type()) {
            case DNS -> new GeneralName(GeneralName.dNSName, san.value());
            case EMAIL -> new GeneralName(GeneralName.rfc822Name, san.value());
            case URI -> new GeneralName(GeneralName.uniformResourceIdentifier, san.value());
            case IP -> new GeneralName(GeneralName.iPAddress, san.value());
            case UPN -> new GeneralName(GeneralName.otherName, new DERSequence(new ASN1Encodable[] {UPN,
                    new DERTaggedObject(true, 0, new DERUTF8String(san.value()))}));
        };
    }

    public static GeneralNames write(List<SubjectAltName> sans) {
        return new GeneralNames(sans.stream().map(SubjectAltNames::write).toArray(GeneralName[]::new));
    }
}
