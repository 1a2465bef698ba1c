package org.lanyard.core.operator;

import java.util.List;
import java.util.Optional;

/** Storage of operators, roles, API tokens and operator certificate bindings. */
public interface OperatorStore extends OperatorReader {

    void saveOperator(Operator operator);

    Optional<Operator> findOperator(String id);

    Optional<Operator> findOperatorByName(String name);

    List<Operator> listOperators();

    void saveRole(Role role);

    Optional<Role> findRole(String id);

    List<Role> listRoles();

    void deleteRole(String id);

    void saveToken(ApiToken token);

    Optional<ApiToken> findTokenByHash(String secretHash);

    List<ApiToken> listTokens(String operatorId);

    /** Binds a client certificate (by SHA-256 fingerprint of its DER) to an operator. */
    void bindCertificate(String operatorId, String fingerprint, String subject);

    Optional<Operator> findOperatorByCertificate(String fingerprint);
}
