package org.lanyard.core.ca;

import java.util.Set;

/**
 * Which subject keys a profile accepts.
 *
 * @param allowed             key types a subject key may have
 * @param serverKeyGeneration the server may generate the key and return it as PKCS#12
 */
public record KeyPolicy(Set<KeyAlgorithm> allowed, boolean serverKeyGeneration) {

    public KeyPolicy {
        allowed = Set.copyOf(allowed);
    }
}
