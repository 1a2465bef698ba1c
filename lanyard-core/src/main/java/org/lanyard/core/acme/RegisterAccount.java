package org.lanyard.core.acme;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.lanyard.core.audit.AuditTrail;

/**
 * newAccount (RFC 8555 §7.3): returns the key's existing account, or creates one after the
 * endpoint's EAB requirement (§7.3.4) and the per-address rate limit. Creation, the EAB key's
 * binding and the audit event commit together.
 */
public class RegisterAccount {

    public record Result(Account account, boolean created) {
    }

    private final AcmeStorage store;
    private final AuditTrail audit;
    private final AcmeOptions options;
    private final Clock clock;

    public RegisterAccount(AcmeStorage store, AuditTrail audit, AcmeOptions options, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.options = options;
        this.clock = clock;
    }

    public Result register(AcmeCaller caller, AcmeEndpoint endpoint, String clientAddress) {
        Map<String, Object> payload = caller.message().json();
        if (caller.account() != null) {
            return new Result(caller.account(), false);
        }
        if (Boolean.TRUE.equals(payload.get("onlyReturnExisting"))) {
            throw AcmeError.ACCOUNT_DOES_NOT_EXIST.exception("no account has this key");
        }
        List<String> contacts = Contacts.read(payload.get("contact"));
        Object binding = payload.get("externalAccountBinding");
        EabKey eab = null;
        if (binding != null) {
            String kid = caller.message().eabKeyId(binding);
            eab = store.eabKeys().find(kid).filter(k -> k.endpoint().equals(endpoint.name()))
                    .orElseThrow(() -> AcmeError.UNAUTHORIZED.exception("unknown external account key"));
            JwsMessage.verifyEabMac(binding, eab.hmacKey());
            if (eab.accountId() != null) {
                throw AcmeError.UNAUTHORIZED.exception("the external account key is already bound to an account");
            }
        } else if (endpoint.externalAccountRequired()) {
            throw AcmeError.EXTERNAL_ACCOUNT_REQUIRED.exception("this endpoint requires external account binding");
        }
        Instant now = clock.instant();
        if (store.accounts().countCreatedByAddress(clientAddress, now.minus(options.window())) >= options.accountsPerAddress()) {
            throw AcmeError.RATE_LIMITED.exception("too many new accounts from " + clientAddress,
                    Map.of(AcmeError.RETRY_AFTER, options.window().toSeconds()));
        }
        Account account = new Account(Ids.next(), endpoint.name(), caller.key().thumbprint(), caller.key().canonical(),
                Account.Status.VALID, contacts, eab == null ? null : eab.id(), now);
        String eabId = account.eabKeyId();
        try {
            store.transactions().run(() -> {
                store.accounts().insert(account);
                store.accounts().recordAddress(account.id(), clientAddress, now);
                if (eabId != null && !store.eabKeys().bind(eabId, account.id())) {
                    throw AcmeError.UNAUTHORIZED.exception("the external account key is already bound to an account");
                }
                audit.record(AcmeCaller.actor(account.id()), "acme.account.created", account.id(),
                        Map.of("endpoint", endpoint.name(), "eabKey", eabId == null ? "" : eabId,
                                "thumbprint", account.thumbprint()));
            });
        } catch (AcmeAccounts.KeyInUseException raced) {
            // the same key registered concurrently: answer with the account that won
            return store.accounts().findByThumbprint(endpoint.name(), account.thumbprint())
                    .map(existing -> new Result(existing, false)).orElseThrow(() -> raced);
        }
        return new Result(account, true);
    }
}
