package io.cuepoint.api.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code /api/v1} route that any valid credential may call, whatever its scopes (who am I). Used instead of
 * {@link RequiresScope}; a route with neither is refused.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AnyScope {
}
