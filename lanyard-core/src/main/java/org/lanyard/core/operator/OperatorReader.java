package org.lanyard.core.operator;

import java.util.List;
import java.util.Optional;

/** The read side of {@link OperatorStore}, for front ends: operators, roles, and token records (which hold only a hash of each secret). */
public interface OperatorReader {

    Optional<Operator> findOperator(String id);

    Optional<Operator> findOperatorByName(String name);

    List<Operator> listOperators();

    Optional<Role> findRole(String id);

    List<Role> listRoles();

    List<ApiToken> listTokens(String operatorId);
}
