package org.lanyard.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.cert.X509Certificate;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.operator.Authenticate;
import org.lanyard.core.operator.AuthenticatedOperator;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates the caller (Bearer API token, or a client certificate bound to an operator) and
 * checks the route's declared permission before the controller runs. Routes of Lanyard's own
 * controllers without a declaration are refused (fail closed).
 */
public class PermissionInterceptor implements HandlerInterceptor {

    static final String OPERATOR = AuthenticatedOperator.class.getName();
    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final Authenticate authenticate;

    public PermissionInterceptor(Authenticate authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true; // static resources
        }
        boolean ours = method.getBeanType().getPackageName().startsWith("org.lanyard");
        if (!ours || method.hasMethodAnnotation(PublicRoute.class)) {
            return true; // OpenAPI documentation, error pages, public routes
        }
        RequiresPermission required = method.getMethodAnnotation(RequiresPermission.class);
        if (method.hasMethodAnnotation(AuthenticatedRoute.class)) {
            request.setAttribute(OPERATOR, authenticateCaller(request));
            return true;
        }
        if (required == null) {
            throw new LanyardException(ErrorKind.FORBIDDEN, "route-undeclared",
                    "this route declares no permission and is closed");
        }
        AuthenticatedOperator operator = authenticateCaller(request);
        operator.require(required.value());
        request.setAttribute(OPERATOR, operator);
        return true;
    }

    private AuthenticatedOperator authenticateCaller(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new LanyardException(ErrorKind.UNAUTHENTICATED, "token-invalid",
                        "use 'Authorization: Bearer <API token>'");
            }
            return authenticate.byToken(authorization.substring(7).trim());
        }
        if (request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain && chain.length > 0) {
            return authenticate.byCertificate(chain[0]);
        }
        throw new LanyardException(ErrorKind.UNAUTHENTICATED, "credentials-missing",
                "authenticate with an API token (Authorization: Bearer) or an operator client certificate");
    }
}
