package org.lanyard.core.acme;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.lanyard.core.LanyardException;

/**
 * A client's "ready" for one challenge (RFC 8555 §7.5.1). Validation runs in the request:
 * proof over the network, then CAA for the identifier (RFC 8659), then the authorization
 * becomes valid or invalid with the error — a conditional update, so concurrent responses for
 * one authorization settle once. No lock is held during the network work.
 */
public class RespondToChallenge {

    private final AcmeStorage store;
    private final ChallengeValidator validator;
    private final CaaCheck caa;
    private final Clock clock;

    public RespondToChallenge(AcmeStorage store, ChallengeValidator validator, CaaCheck caa, Clock clock) {
        this.store = store;
        this.validator = validator;
        this.caa = caa;
        this.clock = clock;
    }

    public Authorization respond(AcmeCaller caller, String authorizationId, String type) {
        Authorization authz = owned(store, caller, authorizationId);
        if (!authz.challengeTypes().contains(type)) {
            throw AcmeError.MALFORMED.exception("this authorization offers no " + type + " challenge");
        }
        Instant now = clock.instant();
        if (authz.effectiveStatus(now) != Authorization.Status.PENDING) {
            return authz;
        }
        String keyAuthorization = authz.token() + "." + caller.account().thumbprint();
        Authorization done;
        try {
            validator.validate(type, authz.identifier(), authz.token(), keyAuthorization);
            caa.check(List.of(authz.identifier()));
            done = authz.finished(Authorization.Status.VALID, type, clock.instant(), null, null);
        } catch (LanyardException e) {
            // the failure's code is kept; the ACME edge shows it as a problem type (ADR 0013)
            done = authz.finished(Authorization.Status.INVALID, type, clock.instant(), e.code(), e.getMessage());
        }
        Authorization result = done;
        boolean settled = store.transactions().inTransaction(
                () -> store.orders().finish(result, Authorization.Status.PENDING));
        return settled ? result : store.orders().findAuthorization(authz.id()).orElse(result);
    }

    static Authorization owned(AcmeStorage store, AcmeCaller caller, String authorizationId) {
        return store.orders().findAuthorization(authorizationId)
                .filter(a -> a.accountId().equals(caller.account().id()))
                .orElseThrow(() -> AcmeError.UNAUTHORIZED.exception("no such authorization for this account"));
    }
}
