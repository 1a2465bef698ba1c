package org.lanyard.core.ca;

import static org.lanyard.core.ca.ExtendedKeyUsage.OCSPSigning;
import static org.lanyard.core.ca.ExtendedKeyUsage.clientAuth;
import static org.lanyard.core.ca.ExtendedKeyUsage.documentSigning;
import static org.lanyard.core.ca.ExtendedKeyUsage.emailProtection;
import static org.lanyard.core.ca.ExtendedKeyUsage.serverAuth;
import static org.lanyard.core.ca.ExtendedKeyUsage.smartcardLogon;
import static org.lanyard.core.ca.KeyUsageBit.digitalSignature;
import static org.lanyard.core.ca.KeyUsageBit.keyAgreement;
import static org.lanyard.core.ca.KeyUsageBit.keyEncipherment;
import static org.lanyard.core.ca.KeyUsageBit.nonRepudiation;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The profiles a new installation starts with. Operators edit them through the API. */
public final class ShippedProfiles {

    private static final Set<KeyAlgorithm> ALL_KEYS = EnumSet.allOf(KeyAlgorithm.class);
    private static final Set<KeyAlgorithm> CARD_KEYS = EnumSet.of(KeyAlgorithm.EC_P256, KeyAlgorithm.EC_P384,
            KeyAlgorithm.RSA_2048);

    private ShippedProfiles() {
    }

    public static List<CertificateProfile> all() {
        return List.of(
                profile("tls-server", "TLS server", "Web and service endpoints; CA/Browser Forum limits apply.",
                        ALL_KEYS, 397, EnumSet.of(digitalSignature, keyEncipherment), List.of(serverAuth), "CN=${san}",
                        EnumSet.of(SanType.DNS, SanType.IP), true, true),
                profile("tls-client", "TLS client", "Client authentication for people, devices and services.",
                        ALL_KEYS, 365, EnumSet.of(digitalSignature, keyEncipherment), List.of(clientAuth), "CN=${cn}",
                        EnumSet.of(SanType.DNS, SanType.EMAIL, SanType.UPN, SanType.URI, SanType.IP), false, true),
                profile("smime", "S/MIME", "Signed and encrypted e-mail.", ALL_KEYS, 365,
                        EnumSet.of(digitalSignature, keyEncipherment, keyAgreement), List.of(emailProtection),
                        "CN=${cn}", EnumSet.of(SanType.EMAIL), true, true),
                profile("smartcard-logon", "Smart-card logon", "Windows smart-card logon: UPN and smartcardLogon EKU.",
                        CARD_KEYS, 365, EnumSet.of(digitalSignature, keyEncipherment),
                        List.of(clientAuth, smartcardLogon), "CN=${cn}", EnumSet.of(SanType.UPN, SanType.EMAIL),
                        true, false),
                profile("piv-authentication", "PIV authentication", "PIV slot 9A: authenticates the card holder.",
                        CARD_KEYS, 3 * 365, EnumSet.of(digitalSignature), List.of(clientAuth, smartcardLogon),
                        "CN=${cn}", EnumSet.of(SanType.UPN, SanType.URI, SanType.EMAIL), false, false),
                profile("digital-signature", "Digital signature", "PIV slot 9C: documents and e-mail signatures.",
                        CARD_KEYS, 3 * 365, EnumSet.of(digitalSignature, nonRepudiation),
                        List.of(emailProtection, documentSigning), "CN=${cn}", EnumSet.of(SanType.EMAIL, SanType.UPN),
                        false, false),
                profile("key-management", "Key management", "PIV slot 9D: encryption keys (archivable).", CARD_KEYS,
                        3 * 365, EnumSet.of(keyEncipherment, keyAgreement), List.of(emailProtection), "CN=${cn}",
                        EnumSet.of(SanType.EMAIL, SanType.UPN), false, true),
                profile("ocsp-signing", "OCSP signing", "Delegated OCSP responder certificates.",
                        EnumSet.of(KeyAlgorithm.EC_P256, KeyAlgorithm.EC_P384, KeyAlgorithm.RSA_2048,
                                KeyAlgorithm.RSA_3072), 90, EnumSet.of(digitalSignature), List.of(OCSPSigning),
                        "CN=${cn}", EnumSet.noneOf(SanType.class), false, false));
    }

    private static CertificateProfile profile(String id, String name, String description, Set<KeyAlgorithm> keys,
            int days, Set<KeyUsageBit> usage, List<ExtendedKeyUsage> eku, String subject, Set<SanType> sanTypes,
            boolean sanRequired, boolean serverKeys) {
        return new CertificateProfile(id, name, description, keys, Duration.ofDays(days), usage, eku, subject,
                sanTypes, List.of("*"), sanRequired, 100, List.of(), null, null, serverKeys, null);
    }
}
