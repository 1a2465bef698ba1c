package org.lanyard.core.acme;

import java.util.List;
import java.util.Map;
import org.lanyard.core.audit.AuditTrail;

/**
 * POST to the account URL (RFC 8555 §7.3.2, §7.3.6): POST-as-GET reads it, {@code contact}
 * replaces the contacts, {@code status: deactivated} deactivates it for good.
 */
public class UpdateAccount {

    private final AcmeStorage store;
    private final AuditTrail audit;

    public UpdateAccount(AcmeStorage store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    public Account update(AcmeCaller caller, String accountId) {
        Account account = caller.account();
        if (!account.id().equals(accountId)) {
            throw AcmeError.UNAUTHORIZED.exception("the request is signed by another account");
        }
        if (caller.message().postAsGet()) {
            return account;
        }
        Map<String, Object> payload = caller.message().json();
        Account changed = account;
        if (payload.containsKey("contact")) {
            List<String> contacts = Contacts.read(payload.get("contact"));
            changed = changed.withContacts(contacts);
        }
        Object status = payload.get("status");
        if (status != null) {
            if (!"deactivated".equals(status)) {
                throw AcmeError.MALFORMED.exception("an account's status can only be set to deactivated");
            }
            changed = changed.withStatus(Account.Status.DEACTIVATED);
        }
        if (changed.equals(account)) {
            return account;
        }
        Account result = changed;
        String action = result.status() == Account.Status.DEACTIVATED ? "acme.account.deactivated" : "acme.account.updated";
        store.transactions().run(() -> {
            store.accounts().update(result);
            audit.record(caller.actor(), action, result.id(), Map.of("contacts", String.join(" ", result.contacts())));
        });
        return result;
    }
}
