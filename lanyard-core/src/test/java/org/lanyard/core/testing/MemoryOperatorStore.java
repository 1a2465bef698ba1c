package org.lanyard.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lanyard.core.operator.ApiToken;
import org.lanyard.core.operator.Operator;
import org.lanyard.core.operator.OperatorStore;
import org.lanyard.core.operator.Role;

/** Operators, roles, tokens (by hash) and certificate bindings (by fingerprint) in maps. */
public final class MemoryOperatorStore implements OperatorStore, MemoryTransactions.Participant {

    private record State(Map<String, Operator> operators, Map<String, Role> roles, Map<String, ApiToken> tokens,
            Map<String, String> bindings) {
        State copy() {
            return new State(new LinkedHashMap<>(operators), new LinkedHashMap<>(roles), new LinkedHashMap<>(tokens),
                    new LinkedHashMap<>(bindings));
        }
    }

    private State state = new State(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
            new LinkedHashMap<>());
    /** Thrown by the next {@link #saveOperator}, when set. */
    public RuntimeException failOnSaveOperator;

    @Override
    public void saveOperator(Operator operator) {
        if (failOnSaveOperator != null) {
            RuntimeException e = failOnSaveOperator;
            failOnSaveOperator = null;
            throw e;
        }
        state.operators.put(operator.id(), operator);
    }

    @Override
    public Optional<Operator> findOperator(String id) {
        return Optional.ofNullable(state.operators.get(id));
    }

    @Override
    public Optional<Operator> findOperatorByName(String name) {
        return state.operators.values().stream().filter(o -> o.name().equals(name)).findFirst();
    }

    @Override
    public List<Operator> listOperators() {
        return List.copyOf(state.operators.values());
    }

    @Override
    public void saveRole(Role role) {
        state.roles.put(role.id(), role);
    }

    @Override
    public Optional<Role> findRole(String id) {
        return Optional.ofNullable(state.roles.get(id));
    }

    @Override
    public List<Role> listRoles() {
        return List.copyOf(state.roles.values());
    }

    @Override
    public void deleteRole(String id) {
        state.roles.remove(id);
    }

    @Override
    public void saveToken(ApiToken token) {
        state.tokens.put(token.id(), token);
    }

    @Override
    public Optional<ApiToken> findTokenByHash(String secretHash) {
        return state.tokens.values().stream().filter(t -> t.secretHash().equals(secretHash)).findFirst();
    }

    @Override
    public List<ApiToken> listTokens(String operatorId) {
        return new ArrayList<>(state.tokens.values().stream().filter(t -> t.operatorId().equals(operatorId)).toList());
    }

    @Override
    public void bindCertificate(String operatorId, String fingerprint, String subject) {
        state.bindings.put(fingerprint, operatorId);
    }

    @Override
    public Optional<Operator> findOperatorByCertificate(String fingerprint) {
        return Optional.ofNullable(state.bindings.get(fingerprint)).flatMap(this::findOperator);
    }

    @Override
    public Object snapshot() {
        return state.copy();
    }

    @Override
    public void restore(Object snapshot) {
        state = ((State) snapshot).copy();
    }
}
