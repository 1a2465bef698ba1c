package org.lanyard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lanyard.core.Actor;
import org.lanyard.core.operator.BuiltinRoles;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.operator.Role;
import org.lanyard.server.http.AuthenticatedRoute;
import org.lanyard.server.http.PublicRoute;
import org.lanyard.server.http.RequiresPermission;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every Lanyard route declares its permission, and every role × every route is allowed exactly
 * when the role holds that permission (and refused with 403 {@code permission-denied} otherwise).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutePermissionsTest {

    record Route(String method, String path, HandlerMethod handler) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    Path dir;
    TestServer server;
    final Map<String, String> tokens = new java.util.HashMap<>();

    @BeforeAll
    void start() throws Exception {
        dir = TestServer.tempDir();
        server = TestServer.start(dir, null);
        for (Role role : BuiltinRoles.all()) {
            var operator = server.lanyard.createOperator().create("op-" + role.id(), null, Set.of(role.id()), Actor.SYSTEM);
            tokens.put(role.id(), server.lanyard.issueApiToken().issue(operator.id(), "test", null, Actor.SYSTEM).secret());
        }
        // a custom role with a single permission
        server.lanyard.saveRole().save(new Role("auditor", "Auditor", "reads the log", Set.of(Permission.AUDIT_READ),
                false), Actor.SYSTEM);
        var auditor = server.lanyard.createOperator().create("op-auditor", null, Set.of("auditor"), Actor.SYSTEM);
        tokens.put("auditor", server.lanyard.issueApiToken().issue(auditor.id(), "test", null, Actor.SYSTEM).secret());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    List<Route> routes() {
        var mapping = server.context().getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith("org.lanyard")) {
                continue;
            }
            for (String path : e.getKey().getPatternValues()) {
                for (var method : e.getKey().getMethodsCondition().getMethods()) {
                    routes.add(new Route(method.name(), path, e.getValue()));
                }
            }
        }
        return routes;
    }

    @Test
    void everyRouteDeclaresExactlyOneAccessRule() {
        assertThat(routes()).hasSizeGreaterThan(15);
        for (Route route : routes()) {
            int declared = (route.handler().hasMethodAnnotation(RequiresPermission.class) ? 1 : 0)
                    + (route.handler().hasMethodAnnotation(PublicRoute.class) ? 1 : 0)
                    + (route.handler().hasMethodAnnotation(AuthenticatedRoute.class) ? 1 : 0);
            assertThat(declared).as(route + " must declare exactly one of @RequiresPermission, @PublicRoute, "
                    + "@AuthenticatedRoute").isEqualTo(1);
        }
    }

    @Test
    void registrationRoutesDeclareTheirPermissions() {
        Map<String, Permission> declared = new java.util.TreeMap<>();
        for (Route route : routes()) {
            if (route.path().startsWith("/api/v1/requests")) {
                declared.put(route.toString(), route.handler().getMethodAnnotation(RequiresPermission.class).value());
            }
        }
        // reading and withdrawing one's own request; deciding on others' (docs/flows/registration.md)
        assertThat(declared).containsExactlyInAnyOrderEntriesOf(Map.of(
                "GET /api/v1/requests", Permission.REQUEST_READ,
                "GET /api/v1/requests/{id}", Permission.REQUEST_READ,
                "POST /api/v1/requests/{id}/cancel", Permission.REQUEST_READ,
                "POST /api/v1/requests/{id}/approve", Permission.REQUEST_APPROVE,
                "POST /api/v1/requests/{id}/reject", Permission.REQUEST_APPROVE));
        // who holds them among the built-in roles
        Map<String, Role> roles = new java.util.HashMap<>();
        BuiltinRoles.all().forEach(r -> roles.put(r.id(), r));
        assertThat(roles.get(BuiltinRoles.NORMAL).permissions()).contains(Permission.REQUEST_READ,
                Permission.REQUEST_APPROVE);
        assertThat(roles.get(BuiltinRoles.ELEVATED).permissions()).contains(Permission.REQUEST_READ)
                .doesNotContain(Permission.REQUEST_APPROVE);
        assertThat(roles.get(BuiltinRoles.RESTRICTED).permissions()).doesNotContain(Permission.REQUEST_READ);
    }

    Stream<Arguments> roleByRoute() {
        List<Arguments> cases = new ArrayList<>();
        List<Role> roles = new ArrayList<>(BuiltinRoles.all());
        roles.add(new Role("auditor", "Auditor", "", Set.of(Permission.AUDIT_READ), false));
        for (Route route : routes()) {
            RequiresPermission required = route.handler().getMethodAnnotation(RequiresPermission.class);
            for (Role role : roles) {
                boolean allowed = required == null || role.permissions().contains(required.value());
                cases.add(Arguments.of(role.id(), route, allowed));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} → {1}: allowed={2}")
    @MethodSource("roleByRoute")
    void roleIsAllowedExactlyWhenItHoldsThePermission(String role, Route route, boolean allowed) throws Exception {
        String path = route.path().replaceAll("\\{serial}", "0a").replaceAll("\\{[^}]+}", "no-such-thing");
        String body = route.method().equals("GET") ? null : "{}";
        HttpResponse<String> response = server.call(route.method(), path, body, tokens.get(role));
        if (allowed) {
            assertThat(response.statusCode()).as(response.body()).isNotIn(401, 403);
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(response.body()).contains("permission-denied");
        }
    }

    @Test
    void routesRefuseCallersWithoutCredentials() throws Exception {
        for (Route route : routes()) {
            if (route.handler().hasMethodAnnotation(PublicRoute.class)) {
                continue;
            }
            String path = route.path().replaceAll("\\{[^}]+}", "x");
            HttpResponse<String> response = server.call(route.method(), path,
                    route.method().equals("GET") ? null : "{}", null);
            assertThat(response.statusCode()).as(route.toString()).isEqualTo(401);
        }
    }
}
