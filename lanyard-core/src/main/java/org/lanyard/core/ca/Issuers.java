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
        Issuer issuer = issuerId == null || issuerId.isBlank()
                ? store.list().stream().filter(Issuer::defaultIssuer).findFirst()
                        .orElseThrow(() -> LanyardException.notFound("issuer-unknown", "no default issuer is configured"))
                : store.find(issuerId)
                        .orElseThrow(() -> LanyardException.notFound("issuer-unknown", "issuer '" + issuerId + "' does not exist"));
        Signer signer = signers.computeIfAbsent(issuer.keyAlias(), vault::open);
        return new ActiveIssuer(issuer, signer);
    }
}
