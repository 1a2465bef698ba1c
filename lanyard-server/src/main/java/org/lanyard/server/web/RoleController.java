package org.lanyard.server.web;

import org.lanyard.server.http.RequiresPermission;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.lanyard.core.LanyardException;
import org.lanyard.core.operator.AuthenticatedOperator;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.operator.Role;
import org.lanyard.core.operator.OperatorReader;
import org.lanyard.core.operator.SaveRole;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Roles: the built-in ones and custom roles, each a set of permissions. */
@RestController
@RequestMapping("/api/v1/roles")
public class RoleController {

    private final OperatorReader operators;
    private final SaveRole saveRole;

    public RoleController(OperatorReader operators, SaveRole saveRole) {
        this.operators = operators;
        this.saveRole = saveRole;
    }

    public record RoleView(String id, String name, String description, List<String> permissions, boolean builtin) {

        static RoleView of(Role r) {
            return new RoleView(r.id(), r.name(), r.description(),
                    r.permissions().stream().map(Enum::name).sorted().toList(), r.builtin());
        }
    }

    @GetMapping
    @RequiresPermission(Permission.OPERATOR_READ)
    public List<RoleView> list() {
        return operators.listRoles().stream().sorted(Comparator.comparing(Role::id))
                .map(RoleView::of).toList();
    }

    /** What a client sends to create or change a role. */
    public record RoleBody(String name, String description, List<String> permissions) {
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permission.ROLE_MANAGE)
    public RoleView save(@PathVariable String id, @RequestBody RoleBody body, AuthenticatedOperator operator) {
        if (body == null) {
            throw LanyardException.invalid("role-invalid", "the role is missing");
        }
        Set<Permission> permissions = (body.permissions() == null ? List.<String>of() : body.permissions()).stream()
                .map(RoleController::permission).collect(Collectors.toSet());
        return RoleView.of(saveRole.save(new Role(id, body.name(), body.description(), permissions, false),
                operator));
    }

    private static Permission permission(String name) {
        try {
            return Permission.valueOf(String.valueOf(name).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw LanyardException.invalid("permission-unknown", "unknown permission '" + name + "'");
        }
    }
}
