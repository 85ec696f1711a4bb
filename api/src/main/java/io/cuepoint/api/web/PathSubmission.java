package io.cuepoint.api.web;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Submits a video by reference: exactly one of {@code path} and {@code url}.
 *
 * @param path absolute path of a file already on the server, under one of {@code cuepoint.server-path-roots}
 * @param url  an http or https URL the api downloads (through the egress guard)
 */
@Introspected
@Schema(name = "VideoReference")
public record PathSubmission(
        @Schema(description = "absolute path on the server", example = "/srv/lectures/week1.mp4") @Nullable String path,
        @Schema(description = "http(s) URL to download", example = "https://media.example.edu/week1.mp4")
        @Nullable String url) {
}
