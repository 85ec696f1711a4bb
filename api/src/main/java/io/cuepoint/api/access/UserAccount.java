package io.cuepoint.api.access;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Set;

/**
 * A user row with its course memberships, as authentication needs it.
 *
 * @param passwordHash null for users who cannot sign in (integrations acting through keys)
 * @param courses      the courses it is a member of (admins reach every course whatever this says)
 */
public record UserAccount(String id, String tenantId, String email, @Nullable String name, Role role,
                          @Nullable String passwordHash, Instant createdAt, @Nullable Instant disabledAt,
                          Set<String> courses) {
    public boolean disabled() {
        return disabledAt != null;
    }

    /** What this user may do when it acts itself (signed in) or through a key with {@code keyScopes}. */
    public Principal principal(String actor, Set<Scope> keyScopes) {
        Set<Scope> scopes = role.scopes();
        scopes.retainAll(keyScopes);
        return new Principal(tenantId, actor, role, scopes, role == Role.ADMIN ? null : courses, false);
    }
}
