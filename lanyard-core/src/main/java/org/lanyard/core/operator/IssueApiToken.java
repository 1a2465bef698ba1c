package org.lanyard.core.operator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.lanyard.core.Actor;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.tx.Transactions;

/** Creates an API token for an operator. The secret is returned once and only its hash is stored. */
public class IssueApiToken {

    private final OperatorStore store;
    private final Transactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    public IssueApiToken(OperatorStore store, Transactions tx, AuditTrail audit, Clock clock) {
        this.store = store;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** The stored token and its secret, which cannot be read again. */
    public record Issued(ApiToken token, String secret) {
    }

    /** Issues a token on behalf of {@code caller}, who must be allowed to act for the operator ({@link Delegation}). */
    public Issued issue(String operatorId, String name, Duration lifetime, AuthenticatedOperator caller) {
        return tx.inTransaction(() -> {
            Operator target = store.findOperator(operatorId).orElseThrow(() -> LanyardException.notFound(
                    "operator-unknown", "operator '" + operatorId + "' does not exist"));
            new Delegation(store).requireMayActFor(caller, target, "issue API tokens");
            return issue(operatorId, name, lifetime, caller.actor());
        });
    }

    /** Issues a token with no caller check: for the system itself (initialisation). */
    public Issued issue(String operatorId, String name, Duration lifetime, Actor actor) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw LanyardException.invalid("token-name", "a token name is 1 to 100 characters");
        }
        if (lifetime != null && (lifetime.isNegative() || lifetime.isZero())) {
            throw LanyardException.invalid("token-lifetime", "a token lifetime must be positive");
        }
        return tx.inTransaction(() -> {
            if (store.findOperator(operatorId).isEmpty()) {
                throw LanyardException.notFound("operator-unknown", "operator '" + operatorId + "' does not exist");
            }
            String secret = Secrets.newToken();
            Instant now = clock.instant();
            ApiToken token = new ApiToken(Secrets.newId(), operatorId, name, Secrets.sha256Hex(secret), now,
                    lifetime == null ? null : now.plus(lifetime), false);
            store.saveToken(token);
            audit.record(actor, "operator.token-issued", operatorId, Map.of("token", token.id(), "name", name));
            return new Issued(token, secret);
        });
    }
}
