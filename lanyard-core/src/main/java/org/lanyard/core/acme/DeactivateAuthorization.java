package org.lanyard.core.acme;

import java.util.Map;

/** POST to an authorization (RFC 8555 §7.5.2): POST-as-GET reads it; {@code status: deactivated} gives it up. */
public class DeactivateAuthorization {

    private final AcmeStorage store;

    public DeactivateAuthorization(AcmeStorage store) {
        this.store = store;
    }

    public Authorization apply(AcmeCaller caller, String authorizationId) {
        Authorization authz = RespondToChallenge.owned(store, caller, authorizationId);
        if (caller.message().postAsGet()) {
            return authz;
        }
        Map<String, Object> payload = caller.message().json();
        if (!"deactivated".equals(payload.get("status"))) {
            throw AcmeError.MALFORMED.exception("an authorization's status can only be set to deactivated");
        }
        for (Authorization.Status from : new Authorization.Status[] {Authorization.Status.PENDING, Authorization.Status.VALID}) {
            if (authz.status() == from) {
                Authorization off = authz.finished(Authorization.Status.DEACTIVATED, authz.attempted(), authz.validatedAt(),
                        authz.errorType(), authz.errorDetail());
                if (store.transactions().inTransaction(() -> store.orders().finish(off, from))) {
                    return off;
                }
            }
        }
        throw AcmeError.MALFORMED.exception("only pending or valid authorizations can be deactivated");
    }
}
