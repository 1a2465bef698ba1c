package org.lanyard.core.acme;

import java.util.Map;
import org.lanyard.core.ErrorCode;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditTrail;

/**
 * keyChange (RFC 8555 §7.3.5): the outer JWS is signed by the account's current key, the inner
 * one by the new key and names the account and the old key. A new key that another account of
 * the endpoint already uses is refused as a conflict ({@code acme-account-key-in-use}) with that
 * account's URL.
 */
public class RolloverAccountKey {

    private final AcmeStorage store;
    private final AuditTrail audit;

    public RolloverAccountKey(AcmeStorage store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    /** @param accountUrl the URL of the caller's account, as its kid */
    public Account rollover(AcmeCaller caller, String accountUrl, String accountUrlPrefix) {
        JwsMessage inner = JwsMessage.parseKeyChange(caller.message().payload());
        if (!caller.message().url().equals(inner.url())) {
            throw AcmeError.MALFORMED.exception("the inner JWS url must equal the outer url");
        }
        Jwk newKey = inner.jwk();
        inner.verify(newKey);
        Map<String, Object> payload = inner.json();
        if (!accountUrl.equals(payload.get("account"))) {
            throw AcmeError.MALFORMED.exception("the inner payload's account must be the signer's account URL");
        }
        Jwk oldKey = Jwk.parse(payload.get("oldKey"));
        Account account = caller.account();
        if (!oldKey.canonical().equals(account.jwk())) {
            throw AcmeError.MALFORMED.exception("oldKey is not the account's current key");
        }
        store.accounts().findByThumbprint(account.endpoint(), newKey.thumbprint()).ifPresent(other -> {
            throw conflict(accountUrlPrefix + other.id());
        });
        Account changed = account.withKey(newKey);
        try {
            store.transactions().run(() -> {
                store.accounts().update(changed);
                audit.record(caller.actor(), "acme.account.key-changed", account.id(),
                        Map.of("oldThumbprint", account.thumbprint(), "newThumbprint", changed.thumbprint()));
            });
        } catch (AcmeAccounts.KeyInUseException raced) {
            throw conflict(store.accounts().findByThumbprint(account.endpoint(), newKey.thumbprint())
                    .map(a -> accountUrlPrefix + a.id()).orElse(""));
        }
        return changed;
    }

    private static RuntimeException conflict(String otherUrl) {
        return LanyardException.of(ErrorCode.ACME_ACCOUNT_KEY_IN_USE, "the new key is already the key of another account",
                Map.of(AcmeError.LOCATION, otherUrl));
    }
}
