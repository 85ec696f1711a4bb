package io.cuepoint.api.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a credential may do. An API key carries a subset; a signed-in user has the scopes of its role. */
public enum Scope {
    /** Read videos, timelines, events, exports, streams and metrics. */
    EVENTS_READ("events:read"),
    /** Submit (upload, URL, server path) and delete videos, define regions. */
    VIDEOS_WRITE("videos:write"),
    /** Manage the tenant: courses, users, API keys, webhooks, the audit log. */
    ADMIN("admin");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the API and the database, such as {@code events:read}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<Scope> parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.wireName.equals(n)).findFirst();
    }
}
