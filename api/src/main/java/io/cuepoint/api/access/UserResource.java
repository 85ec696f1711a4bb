package io.cuepoint.api.access;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A user as the api shows it; never its password hash.
 *
 * @param role    admin, faculty or integration
 * @param courses the courses it is a member of (an admin reaches every course of its tenant regardless)
 */
@Schema(name = "User")
public record UserResource(String id, String tenantId, String email, @Nullable String name, String role,
                           boolean disabled, List<String> courses, Instant createdAt) {
    public static UserResource of(UserAccount u) {
        return new UserResource(u.id(), u.tenantId(), u.email(), u.name(), u.role().wireName(), u.disabled(),
                u.courses().stream().sorted().toList(), u.createdAt());
    }
}
