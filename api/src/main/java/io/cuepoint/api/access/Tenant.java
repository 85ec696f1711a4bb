package io.cuepoint.api.access;

import java.time.Instant;

/** A tenant: an institution whose courses, users, keys and videos no other tenant sees. */
public record Tenant(String id, String name, Instant createdAt) {
}
