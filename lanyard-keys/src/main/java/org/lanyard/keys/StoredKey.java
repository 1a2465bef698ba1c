package org.lanyard.keys;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.pkcs.PKCS12SafeBag;

/**
 * One key of a PKCS#12 file: the private key, its chain (a placeholder until bound) and the
 * encrypted key bag, kept so a rewrite need not re-encrypt keys that did not change.
 */
record StoredKey(PrivateKey privateKey, List<X509Certificate> chain, PKCS12SafeBag keyBag) {

    StoredKey {
        chain = List.copyOf(chain);
    }

    StoredKey withChain(List<X509Certificate> newChain) {
        return new StoredKey(privateKey, newChain, keyBag);
    }
}
