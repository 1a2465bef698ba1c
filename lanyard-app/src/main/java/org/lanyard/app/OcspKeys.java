package org.lanyard.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lanyard.core.ca.Certificates;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.ca.IssuerStore;
import org.lanyard.core.ca.KeyVault;
import org.lanyard.core.ca.Signer;
import org.lanyard.core.revocation.OcspSignerRecord;
import org.lanyard.core.revocation.OcspSigners;
import org.lanyard.core.revocation.OcspSigningKey;
import org.lanyard.core.revocation.OcspSigningKeys;

/**
 * The current delegated OCSP key of every issuer that has one, read from the store at most every
 * {@code maxAge} (the responder asks on every request) and at once after a local renewal. A
 * renewal on another node is picked up within {@code maxAge}; the previous certificate is still
 * valid meanwhile (renewal happens at two thirds of its life).
 */
public final class OcspKeys implements OcspSigningKeys {

    private record Snapshot(List<OcspSigningKey> keys, Instant loadedAt) {
    }

    private final IssuerStore issuers;
    private final OcspSigners signers;
    private final KeyVault vault;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<String, Signer> opened = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot;

    public OcspKeys(IssuerStore issuers, OcspSigners signers, KeyVault vault, Clock clock, Duration maxAge) {
        this.issuers = issuers;
        this.signers = signers;
        this.vault = vault;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public List<OcspSigningKey> current() {
        Snapshot s = snapshot;
        if (s == null || !clock.instant().isBefore(s.loadedAt().plus(maxAge))) {
            s = reload();
        }
        return s.keys();
    }

    /** Reads the current keys from the store now. */
    public synchronized Snapshot reload() {
        Instant now = clock.instant();
        List<OcspSigningKey> keys = new ArrayList<>();
        for (Issuer issuer : issuers.list()) {
            signers.current(issuer.id(), now).ifPresent(record -> keys.add(key(issuer, record)));
        }
        Snapshot s = new Snapshot(List.copyOf(keys), now);
        snapshot = s;
        return s;
    }

    private OcspSigningKey key(Issuer issuer, OcspSignerRecord record) {
        Signer signer = opened.computeIfAbsent(record.keyAlias(), vault::open);
        return new OcspSigningKey(issuer.id(), issuer.certificate(), Certificates.parse(record.der()), signer);
    }
}
