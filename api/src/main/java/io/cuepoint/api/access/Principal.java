package io.cuepoint.api.access;

import io.micronaut.core.annotation.Nullable;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is making a request, as the authentication filter established it; controllers receive it as the request
 * attribute {@link #ATTRIBUTE}. Every data access is checked against it: a video is visible when it belongs to
 * {@link #tenantId} and its course is one of {@link #courses} (or {@code courses} is null: every course of
 * the tenant).
 *
 * @param tenantId the tenant whose data this principal reaches, and no other
 * @param actor    who, for the audit log and the rate limit: {@code user:<id>}, {@code key:<id>} or
 *                 {@code operator:<n>} (a key from {@code cuepoint.api-keys})
 * @param role     the user's role; an operator key acts as an admin of the default tenant
 * @param scopes   what this credential may do
 * @param courses  the courses it may reach; null for every course of the tenant
 * @param operator whether this is an operator key (may also create tenants)
 */
public record Principal(String tenantId, String actor, Role role, Set<Scope> scopes, @Nullable Set<String> courses,
                        boolean operator) {
    /** The request attribute holding the {@link Principal}. */
    public static final String ATTRIBUTE = "cuepoint.principal";
    /** The tenant every installation has; operator keys and the command line act in it. */
    public static final String DEFAULT_TENANT = "default";
    /** The course of the default tenant that videos go to when none is named. */
    public static final String DEFAULT_COURSE = "default";

    public Principal {
        scopes = scopes.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(scopes);
        courses = courses == null ? null : Set.copyOf(courses);
    }

    /** An operator: admin of the default tenant, every scope, and may manage tenants. */
    public static Principal operator(String actor) {
        return new Principal(DEFAULT_TENANT, actor, Role.ADMIN, EnumSet.allOf(Scope.class), null, true);
    }

    /** The command line (cuepoint analyze): an operator without a key. */
    public static Principal local() {
        return operator("operator:local");
    }

    public boolean can(Scope scope) {
        return scopes.contains(scope);
    }

    /** Whether a video of this tenant and course is visible to this principal. */
    public boolean sees(String videoTenant, String videoCourse) {
        return tenantId.equals(videoTenant) && (courses == null || courses.contains(videoCourse));
    }
}
