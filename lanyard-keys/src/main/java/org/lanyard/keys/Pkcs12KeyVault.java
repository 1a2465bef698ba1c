package org.lanyard.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.KeyVault;
import org.lanyard.core.ca.Signer;
import org.lanyard.core.crypto.Providers;

/**
 * CA keys in one password-encrypted PKCS#12 file (protection: see {@link Pkcs12File}).
 *
 * <p>The file is created when absent and rewritten atomically on every change, so a crash leaves
 * the previous or the new set of keys, never a broken file. All keys are held decrypted in memory
 * while the vault is open; changes are serialised, reads never wait. A generated key is stored at
 * once with a placeholder certificate, so it survives a restart even before it is bound.
 */
public final class Pkcs12KeyVault implements KeyVault {

    private final Path file;
    private final char[] password;
    private volatile Map<String, StoredKey> keys;

    /**
     * Opens {@code file}, or creates an empty one. Fails with {@code keystore-password-incorrect}
     * when the password does not open an existing file.
     */
    public Pkcs12KeyVault(Path file, char[] password) {
        this.file = Objects.requireNonNull(file, "file");
        this.password = Objects.requireNonNull(password, "password").clone();
        if (password.length == 0) {
            throw LanyardException.invalid("keystore-password-empty", "the key store password must not be empty");
        }
        if (Files.exists(file)) {
            this.keys = load();
        } else {
            this.keys = Map.of();
            save(Map.of());
        }
    }

    @Override
    public synchronized Signer generate(String alias, KeyAlgorithm algorithm) {
        requireNew(alias);
        Objects.requireNonNull(algorithm, "algorithm");
        KeyPair pair = newKeyPair(algorithm);
        ProviderSigner signer = new ProviderSigner(pair.getPrivate(), pair.getPublic(), algorithm, provider(algorithm));
        X509Certificate placeholder = PlaceholderCertificate.create(alias, signer);
        put(alias, pair.getPrivate(), List.of(placeholder));
        return signer;
    }

    @Override
    public synchronized void bindCertificate(String alias, List<X509Certificate> chain) {
        KeyChecks.requireChain(alias, chain);
        StoredKey key = find(alias);
        KeyChecks.requireSameKey(alias, signer(key), chain.get(0));
        Map<String, StoredKey> next = new LinkedHashMap<>(keys);
        next.put(alias, key.withChain(chain));
        save(next);
    }

    @Override
    public synchronized void importKey(String alias, PrivateKey key, List<X509Certificate> chain) {
        requireNew(alias);
        KeyChecks.requireChain(alias, chain);
        Objects.requireNonNull(key, "key");
        KeyChecks.requirePair(alias, key, chain.get(0));
        put(alias, portable(key), chain);
    }

    @Override
    public Signer open(String alias) {
        return signer(find(alias));
    }

    @Override
    public boolean contains(String alias) {
        return keys.containsKey(alias);
    }

    @Override
    public String kind() {
        return "pkcs12";
    }

    @Override
    public String toString() {
        return "Pkcs12KeyVault[" + file + "]";
    }

    private void put(String alias, PrivateKey key, List<X509Certificate> chain) {
        Map<String, StoredKey> next = new LinkedHashMap<>(keys);
        try {
            next.put(alias, new StoredKey(key, chain, Pkcs12File.keyBag(alias, key, chain.get(0), password)));
        } catch (GeneralSecurityException | IOException e) {
            throw failure("keystore-write-failed", "cannot encrypt key '" + alias + "'", e);
        }
        save(next);
    }

    private void requireNew(String alias) {
        KeyChecks.requireAlias(alias);
        if (keys.containsKey(alias)) {
            throw LanyardException.conflict("key-alias-exists", "a key named '" + alias + "' already exists in " + file);
        }
    }

    private StoredKey find(String alias) {
        StoredKey key = alias == null ? null : keys.get(alias);
        if (key == null) {
            throw LanyardException.notFound("key-not-found", "no key named '" + alias + "' in " + file);
        }
        return key;
    }

    private static Signer signer(StoredKey key) {
        var publicKey = key.chain().get(0).getPublicKey();
        KeyAlgorithm algorithm = KeyChecks.algorithmOf(publicKey);
        return new ProviderSigner(key.privateKey(), publicKey, algorithm, provider(algorithm));
    }

    /** BouncyCastle for EC (much faster than SunEC); the JDK's own RSA, which is as fast as BC's. */
    private static Provider provider(KeyAlgorithm algorithm) {
        return algorithm.family().equals("EC") ? Providers.bc() : null;
    }

    private static KeyPair newKeyPair(KeyAlgorithm algorithm) {
        try {
            if (algorithm.family().equals("EC")) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Providers.bc());
                generator.initialize(new ECGenParameterSpec(algorithm.curve()));
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(algorithm.size());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw failure("key-generation-failed", "cannot generate a " + algorithm.id() + " key", e);
        }
    }

    /** Re-reads an imported key through BouncyCastle so stored keys do not depend on who made them. */
    private static PrivateKey portable(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null || !"PKCS#8".equals(key.getFormat())) {
            throw LanyardException.invalid("key-not-exportable",
                    "the key to import cannot be exported (it lives on a token); import it there instead");
        }
        try {
            return KeyFactory.getInstance(key.getAlgorithm(), Providers.bc()).generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw LanyardException.invalid("key-unreadable", "cannot read the key to import: " + e.getMessage());
        }
    }

    private Map<String, StoredKey> load() {
        try {
            return Collections.unmodifiableMap(Pkcs12File.read(Files.readAllBytes(file), password));
        } catch (Pkcs12File.WrongPassword e) {
            throw new LanyardException(ErrorKind.UNAUTHENTICATED, "keystore-password-incorrect",
                    "the key store password does not open " + file + " (wrong password, or the file was altered)");
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw failure("keystore-unreadable", "cannot read the key store " + file, e);
        }
    }

    private void save(Map<String, StoredKey> next) {
        try {
            AtomicFile.write(file, Pkcs12File.write(next, password));
        } catch (GeneralSecurityException | IOException e) {
            throw failure("keystore-write-failed", "cannot write the key store " + file, e);
        }
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(next));
    }

    private static LanyardException failure(String code, String detail, Exception cause) {
        return new LanyardException(ErrorKind.INTERNAL, code, detail + ": " + cause.getMessage(), Map.of(), cause);
    }
}
