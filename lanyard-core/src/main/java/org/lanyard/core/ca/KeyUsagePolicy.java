package org.lanyard.core.ca;

import java.util.List;
import java.util.Set;

/**
 * What the subject key may be used for.
 *
 * @param keyUsage         key usage bits; those that do not fit the key type are dropped per certificate
 *                         ({@link #bitsFor})
 * @param extendedKeyUsage extended key usages, in the order they are written
 */
public record KeyUsagePolicy(Set<KeyUsageBit> keyUsage, List<ExtendedKeyUsage> extendedKeyUsage) {

    public KeyUsagePolicy {
        keyUsage = Set.copyOf(keyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
    }

    /**
     * The bits that fit {@code key}: encipherment bits only for RSA, key agreement only for EC.
     * A profile such as "key management" lists both and gets the right one per key. 0 for none.
     */
    public int bitsFor(KeyAlgorithm key) {
        boolean ec = key != null && key.family().equals("EC");
        int usage = 0;
        for (KeyUsageBit bit : keyUsage) {
            boolean fits = switch (bit) {
                case keyEncipherment, dataEncipherment -> !ec;
                case keyAgreement -> ec;
                default -> true;
            };
            if (fits) {
                usage |= bit.mask();
            }
        }
        return usage;
    }

    /** A delegated OCSP responder (EKU OCSPSigning): see {@link ExtensionsPolicy}. */
    public boolean ocspResponder() {
        return extendedKeyUsage.contains(ExtendedKeyUsage.OCSPSigning);
    }
}
