package org.lanyard.server.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.lanyard.core.operator.Permission;

/**
 * The permission a route needs. Every Lanyard route carries this or {@link PublicRoute} or {@link AuthenticatedRoute};
 * {@link PermissionInterceptor} refuses a route with neither, and {@code RoutePermissionsTest}
 * fails the build for it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresPermission {
    Permission value();
}
