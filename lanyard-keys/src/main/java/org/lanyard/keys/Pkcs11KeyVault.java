package org.lanyard.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.login.LoginException;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.KeyVault;
import org.lanyard.core.ca.Signer;

/**
 * CA keys on a PKCS#11 token (HSM, smart card, SoftHSM2) through the JDK's SunPKCS11 provider.
 *
 * <p>Keys are generated on the token as sensitive, non-extractable token objects (see
 * {@link Pkcs11Token}); signing happens on the token. Each key is labelled with its alias and
 * kept with its certificate chain on the token, where the PKCS#11 key store finds it again. A
 * freshly generated key gets a placeholder certificate until {@link #bindCertificate}.
 */
public final class Pkcs11KeyVault implements KeyVault {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Pkcs11Token token;
    private final Provider provider;
    private final KeyStore store;

    /** Logs in to {@code token}; fails with {@code token-pin-incorrect} on a wrong PIN. */
    public Pkcs11KeyVault(Pkcs11Token token, char[] pin) {
        this.token = Objects.requireNonNull(token, "token");
        Objects.requireNonNull(pin, "pin");
        this.provider = configure(token);
        try {
            this.store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
        } catch (IOException | GeneralSecurityException e) {
            throw loginFailure(e);
        }
    }

    /** The token at {@code slotListIndex} of the module at {@code library}. */
    public Pkcs11KeyVault(String library, int slotListIndex, char[] pin) {
        this(Pkcs11Token.atListIndex(Path.of(library), slotListIndex), pin);
    }

    @Override
    public synchronized Signer generate(String alias, KeyAlgorithm algorithm) {
        requireNew(alias);
        Objects.requireNonNull(algorithm, "algorithm");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.family(), provider);
            if (algorithm.family().equals("EC")) {
                generator.initialize(new ECGenParameterSpec(algorithm.curve()));
            } else {
                generator.initialize(algorithm.size());
            }
            KeyPair pair = generator.generateKeyPair();
            Signer signer = new ProviderSigner(pair.getPrivate(), portable(pair.getPublic()), algorithm, provider);
            X509Certificate placeholder = PlaceholderCertificate.create(alias, signer);
            store.setKeyEntry(alias, pair.getPrivate(), null, new Certificate[] {placeholder});
            return signer;
        } catch (GeneralSecurityException | ProviderException e) {
            throw failure("key-generation-failed", "cannot generate a " + algorithm.id() + " key on " + token, e);
        }
    }

    @Override
    public synchronized void bindCertificate(String alias, List<X509Certificate> chain) {
        KeyChecks.requireChain(alias, chain);
        ProviderSigner signer = find(alias);
        KeyChecks.requireSameKey(alias, signer, chain.get(0));
        // Same public key, so the key store replaces the chain and keeps the key (it would
        // delete and re-create the entry otherwise, which a non-extractable key cannot survive).
        store(alias, signer.privateKey(), chain);
    }

    @Override
    public synchronized void importKey(String alias, PrivateKey key, List<X509Certificate> chain) {
        requireNew(alias);
        KeyChecks.requireChain(alias, chain);
        Objects.requireNonNull(key, "key");
        KeyChecks.requirePair(alias, key, chain.get(0));
        store(alias, key, chain);
    }

    @Override
    public synchronized Signer open(String alias) {
        return find(alias);
    }

    @Override
    public synchronized boolean contains(String alias) {
        try {
            return alias != null && store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            throw failure("token-unreadable", "cannot list the keys on " + token, e);
        }
    }

    @Override
    public String kind() {
        return "pkcs11";
    }

    @Override
    public String toString() {
        return "Pkcs11KeyVault[" + token + "]";
    }

    private void store(String alias, PrivateKey key, List<X509Certificate> chain) {
        try {
            store.setKeyEntry(alias, key, null, jdkCertificates(chain));
        } catch (GeneralSecurityException | ProviderException e) {
            throw failure("token-write-failed", "cannot store key '" + alias + "' on " + token, e);
        }
    }

    private void requireNew(String alias) {
        KeyChecks.requireAlias(alias);
        if (contains(alias)) {
            throw LanyardException.conflict("key-alias-exists", "a key named '" + alias + "' already exists on " + token);
        }
    }

    private ProviderSigner find(String alias) {
        try {
            Key key = alias == null ? null : store.getKey(alias, null);
            if (!(key instanceof PrivateKey privateKey)) {
                throw LanyardException.notFound("key-not-found", "no key named '" + alias + "' on " + token);
            }
            PublicKey publicKey = portable(store.getCertificate(alias).getPublicKey());
            return new ProviderSigner(privateKey, publicKey, KeyChecks.algorithmOf(publicKey), provider);
        } catch (GeneralSecurityException e) {
            throw failure("token-unreadable", "cannot read key '" + alias + "' on " + token, e);
        }
    }

    /** The token's public key object as an ordinary JDK key that verifies anywhere. */
    private static PublicKey portable(PublicKey key) throws GeneralSecurityException {
        return KeyFactory.getInstance(key.getAlgorithm()).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
    }

    /** The key store compares public keys with equals(); JDK certificates make that reliable. */
    private static X509Certificate[] jdkCertificates(List<X509Certificate> chain) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        X509Certificate[] result = new X509Certificate[chain.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(chain.get(i).getEncoded()));
        }
        return result;
    }

    private static Provider configure(Pkcs11Token token) {
        if (!Files.isReadable(token.library())) {
            throw LanyardException.invalid("pkcs11-library-missing", "no PKCS#11 module at " + token.library());
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new LanyardException(ErrorKind.INTERNAL, "pkcs11-unsupported",
                    "this Java runtime has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
        }
        try {
            return base.configure("--" + token.config("lanyard-" + INSTANCES.incrementAndGet()));
        } catch (ProviderException | IllegalArgumentException | UnsupportedOperationException e) {
            throw failure("pkcs11-token-unavailable", "cannot use the PKCS#11 token " + token, e);
        }
    }

    private LanyardException loginFailure(Exception e) {
        if (causes(e, "CKR_PIN_LOCKED")) {
            return new LanyardException(ErrorKind.UNAUTHENTICATED, "token-pin-locked",
                    "the PIN of " + token + " is locked; the security officer must reset it");
        }
        if (causes(e, "CKR_PIN_INCORRECT") || causes(e, "CKR_PIN_LEN_RANGE") || causes(e, LoginException.class.getName())) {
            return new LanyardException(ErrorKind.UNAUTHENTICATED, "token-pin-incorrect",
                    "the PIN does not log in to " + token);
        }
        return failure("pkcs11-token-unavailable", "cannot log in to " + token, e);
    }

    private static boolean causes(Throwable e, String mark) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(mark) || t.getClass().getName().equals(mark)) {
                return true;
            }
        }
        return false;
    }

    private static LanyardException failure(String code, String detail, Exception cause) {
        return new LanyardException(ErrorKind.INTERNAL, code, detail + ": " + cause.getMessage(), Map.of(), cause);
    }
}
