package io.cuepoint.api.web;

import io.micronaut.core.annotation.Introspected;
import jakarta.validation.constraints.NotBlank;

/**
 * Submits a file that is already on the server.
 *
 * @param path absolute path under one of {@code cuepoint.server-path-roots}
 */
@Introspected
public record PathSubmission(@NotBlank String path) {
}
