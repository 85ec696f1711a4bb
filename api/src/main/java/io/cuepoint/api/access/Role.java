package io.cuepoint.api.access;

import java.util.EnumSet;
import java.util.Set;

/** A user's role within its tenant. */
public enum Role {
    /** Everything in the tenant, every course. */
    ADMIN(EnumSet.allOf(Scope.class)),
    /** Reads and submits videos of the courses the user is a member of. */
    FACULTY(EnumSet.of(Scope.EVENTS_READ, Scope.VIDEOS_WRITE)),
    /** A service account for an LMS: acts through API keys, on the courses it is a member of. */
    INTEGRATION(EnumSet.of(Scope.EVENTS_READ, Scope.VIDEOS_WRITE));

    private final Set<Scope> scopes;

    Role(Set<Scope> scopes) {
        this.scopes = scopes;
    }

    /** The most a credential of this role may do; an API key may narrow it further. */
    public Set<Scope> scopes() {
        return EnumSet.copyOf(scopes);
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
