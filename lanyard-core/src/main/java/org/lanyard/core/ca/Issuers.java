package org.lanyard.core.ca;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lanyard.core.LanyardException;

/** Finds the issuer a profile names (or the default) and opens its key once per process. */
public class Issuers {

    private final IssuerStore store;
    private final KeyVault vault;
    private final Map<String, Signer> signers = new ConcurrentHashMap<>();

    public Issuers(IssuerStore store, KeyVault vault) {
        this.store = store;
        this.vault = vault;
    }

    public ActiveIssuer resolve(String issuerId) {
        Issuer issuer = find(issuerId);
        Signer signer = signers.computeIfAbsent(issuer.keyAlias(), vault::open);
        return new ActiveIssuer(issuer, signer);
    }

    /** The issuer {@code issuerId} names, or the default for null or blank, without opening its key. */
    public Issuer find(String issuerId) {
        return issuerId == null || issuerId.isBlank()
                ? store.list().stream().filter(Issuer::defaultIssuer).findFirst()
                        .orElseThrow(() -> LanyardException.notFound("issuer-unknown", "no default issuer is configured"))
                : store.find(issuerId)
                        .orElseThrow(() -> LanyardException.notFound("issuer-unknown", "issuer '" + issuerId + "' does not exist"));
    }
}
