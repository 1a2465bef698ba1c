package org.lanyard.server.web;

import org.lanyard.server.http.RequiresPermission;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.lanyard.core.LanyardException;
import org.lanyard.core.operator.ApiToken;
import org.lanyard.core.operator.AuthenticatedOperator;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.operator.ChangeOperatorAccess;
import org.lanyard.core.operator.OperatorReader;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Cutting operators off and letting them back in: disable/enable, list and revoke API tokens. */
@RestController
@RequestMapping("/api/v1/operators/{id}")
public class OperatorAccessController {

    private final OperatorReader operators;
    private final ChangeOperatorAccess changeOperatorAccess;

    public OperatorAccessController(OperatorReader operators, ChangeOperatorAccess changeOperatorAccess) {
        this.operators = operators;
        this.changeOperatorAccess = changeOperatorAccess;
    }

    /** A token as listed: never the secret. */
    public record TokenInfo(String id, String name, String createdAt, String expiresAt, boolean revoked) {

        static TokenInfo of(ApiToken t) {
            return new TokenInfo(t.id(), t.name(), t.createdAt().toString(), text(t.expiresAt()), t.revoked());
        }

        private static String text(Instant instant) {
            return instant == null ? null : instant.toString();
        }
    }

    @PostMapping("/disable")
    @RequiresPermission(Permission.OPERATOR_MANAGE)
    public OperatorController.OperatorView disable(@PathVariable String id, AuthenticatedOperator operator) {
        return OperatorController.OperatorView.of(changeOperatorAccess.setEnabled(id, false, operator));
    }

    @PostMapping("/enable")
    @RequiresPermission(Permission.OPERATOR_MANAGE)
    public OperatorController.OperatorView enable(@PathVariable String id, AuthenticatedOperator operator) {
        return OperatorController.OperatorView.of(changeOperatorAccess.setEnabled(id, true, operator));
    }

    @GetMapping("/tokens")
    @RequiresPermission(Permission.OPERATOR_READ)
    public List<TokenInfo> tokens(@PathVariable String id) {
        if (operators.findOperator(id).isEmpty()) {
            throw LanyardException.notFound("operator-unknown", "operator '" + id + "' does not exist");
        }
        return operators.listTokens(id).stream().sorted(Comparator.comparing(ApiToken::createdAt))
                .map(TokenInfo::of).toList();
    }

    @DeleteMapping("/tokens/{tokenId}")
    @RequiresPermission(Permission.OPERATOR_MANAGE)
    public TokenInfo revokeToken(@PathVariable String id, @PathVariable String tokenId, AuthenticatedOperator operator) {
        return TokenInfo.of(changeOperatorAccess.revokeToken(id, tokenId, operator));
    }
}
