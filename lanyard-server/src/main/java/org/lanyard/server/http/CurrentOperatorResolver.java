package org.lanyard.server.http;

import org.lanyard.core.operator.AuthenticatedOperator;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands the operator that {@link PermissionInterceptor} authenticated to controller methods. */
public class CurrentOperatorResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AuthenticatedOperator.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        Object operator = request.getAttribute(PermissionInterceptor.OPERATOR, RequestAttributes.SCOPE_REQUEST);
        if (operator == null) {
            throw new IllegalStateException("no authenticated operator: the route lacks @RequiresPermission");
        }
        return operator;
    }
}
