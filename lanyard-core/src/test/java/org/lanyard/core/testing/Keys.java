package org.lanyard.core.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.crypto.Providers;

/**
 * Software key pairs for tests. RSA keys are slow to make, so each size comes from a small pool
 * handed out in turn: two calls in a row still give two different keys.
 */
public final class Keys {

    private static final int POOL = 3;
    private static final Map<Integer, List<KeyPair>> RSA = new HashMap<>();
    private static final Map<Integer, Integer> NEXT = new HashMap<>();

    private Keys() {
    }

    public static KeyPair generate(KeyAlgorithm algorithm) {
        return algorithm.curve() != null ? ec(algorithm.curve()) : rsa(algorithm.size());
    }

    public static KeyPair ec(String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Providers.bc());
            g.initialize(new ECGenParameterSpec(curve));
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static synchronized KeyPair rsa(int bits) {
        List<KeyPair> pool = RSA.computeIfAbsent(bits, b -> new ArrayList<>());
        int next = NEXT.getOrDefault(bits, 0);
        NEXT.put(bits, (next + 1) % POOL);
        while (pool.size() <= next) {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", Providers.bc());
                g.initialize(bits);
                pool.add(g.generateKeyPair());
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return pool.get(next);
    }
}
