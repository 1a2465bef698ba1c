package org.lanyard.core.acme;

import org.lanyard.core.Actor;

/**
 * A request whose JWS verified and whose nonce was redeemed.
 *
 * @param key     the key that signed it
 * @param account the account it belongs to; null for a new account's {@code jwk} request
 */
public record AcmeCaller(JwsMessage message, Jwk key, Account account) {

    public Actor actor() {
        return account == null ? new Actor("acme:new", "ACME new account") : actor(account.id());
    }

    public static Actor actor(String accountId) {
        return new Actor("acme:" + accountId, "ACME account " + accountId);
    }
}
