package org.lanyard.core.operator;

import java.util.Map;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.tx.Transactions;

/**
 * Cuts an operator off, or lets it back in: disabling stops every credential of the operator at
 * once (tokens and client certificates, see {@link Authenticate}); revoking one API token stops
 * only that token. The caller must be allowed to act for the operator ({@link Delegation}), and
 * nobody disables the System Owner or itself.
 */
public class ChangeOperatorAccess {

    private final OperatorStore store;
    private final Transactions tx;
    private final AuditTrail audit;

    public ChangeOperatorAccess(OperatorStore store, Transactions tx, AuditTrail audit) {
        this.store = store;
        this.tx = tx;
        this.audit = audit;
    }

    public Operator setEnabled(String operatorId, boolean enabled, AuthenticatedOperator caller) {
        return tx.inTransaction(() -> {
            Operator target = find(operatorId);
            if (!enabled && (target.id().equals(caller.operator().id())
                    || target.roleIds().contains(BuiltinRoles.SYSTEM_OWNER))) {
                throw LanyardException.conflict("operator-protected",
                        "neither the System Owner nor the caller itself can be disabled");
            }
            new Delegation(store).requireMayActFor(caller, target, enabled ? "enable" : "disable");
            Operator changed = new Operator(target.id(), target.name(), target.email(), target.roleIds(), enabled,
                    target.createdAt());
            store.saveOperator(changed);
            audit.record(caller.actor(), enabled ? "operator.enabled" : "operator.disabled", target.id(),
                    Map.of("name", target.name()));
            return changed;
        });
    }

    public ApiToken revokeToken(String operatorId, String tokenId, AuthenticatedOperator caller) {
        return tx.inTransaction(() -> {
            Operator target = find(operatorId);
            if (!target.id().equals(caller.operator().id())) {
                new Delegation(store).requireMayActFor(caller, target, "revoke API tokens");
            }
            ApiToken token = store.listTokens(operatorId).stream().filter(t -> t.id().equals(tokenId)).findFirst()
                    .orElseThrow(() -> LanyardException.notFound("token-unknown",
                            "operator '" + target.name() + "' has no token '" + tokenId + "'"));
            if (token.revoked()) {
                throw LanyardException.conflict("token-revoked", "the token is revoked already");
            }
            ApiToken revoked = new ApiToken(token.id(), token.operatorId(), token.name(), token.secretHash(),
                    token.createdAt(), token.expiresAt(), true);
            store.saveToken(revoked);
            audit.record(caller.actor(), "operator.token-revoked", operatorId, Map.of("token", tokenId,
                    "name", token.name()));
            return revoked;
        });
    }

    private Operator find(String operatorId) {
        return store.findOperator(operatorId).orElseThrow(() -> LanyardException.notFound("operator-unknown",
                "operator '" + operatorId + "' does not exist"));
    }
}
