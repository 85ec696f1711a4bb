package io.cuepoint.api.access;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * Who the caller is, as {@code GET /api/v1/me} answers.
 *
 * @param courses the courses it reaches; null for every course of the tenant
 */
@Schema(name = "Me")
public record PrincipalResource(String tenantId, String actor, String role, List<String> scopes,
                                @Nullable List<String> courses, boolean operator) {
    public static PrincipalResource of(Principal p) {
        return new PrincipalResource(p.tenantId(), p.actor(), p.role().wireName(),
                p.scopes().stream().map(Scope::wireName).toList(),
                p.courses() == null ? null : p.courses().stream().sorted().toList(), p.operator());
    }
}
