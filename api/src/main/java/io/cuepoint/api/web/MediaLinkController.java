package io.cuepoint.api.web;

import io.cuepoint.api.access.MediaTokens;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.access.RequiresScope;
import io.cuepoint.api.access.Scope;
import io.cuepoint.api.config.AuthConfig;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Short-lived media links for players: a {@code <video src>} cannot send a header, so the link carries a token
 * that opens this one video's media and nothing else.
 */
@Controller("/api/v1/videos")
@Tag(name = "videos")
@RequiresScope(Scope.EVENTS_READ)
public class MediaLinkController {
    /** A link to the video's media, valid until {@code expiresAt}. */
    public record MediaLink(String url, Instant expiresAt) {
    }

    private final MediaTokens tokens;
    private final AuthConfig config;

    public MediaLinkController(MediaTokens tokens, AuthConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    @Operation(summary = "A link that streams the video without a header",
            description = "For <video src>: GET on the url needs no credential until expiresAt "
                    + "(cuepoint.auth.media-link-ttl) and opens only this video's media.")
    @ApiResponse(responseCode = "200", description = "the link", content = @Content(
            schema = @Schema(implementation = MediaLink.class), examples = @ExampleObject(value = """
            {"url": "/api/v1/videos/0b9a7c1e-4f6d-4e2a-9c3b-8d5e6f7a8b9c/media?access=MGI5YTdj...Rk4.mZ0x...",
             "expiresAt": "2026-01-05T10:12:30Z"}""")))
    @ApiResponse(responseCode = "401", description = "missing, unknown, expired or revoked credential",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "404", description = "no such video (or not one the caller sees)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.NO_VIDEO)))
    @Post("/{id}/media-link")
    public MediaLink mediaLink(@Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id,
                               @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal) {
        String token = tokens.issue(principal, id, config.mediaLinkTtl());
        return new MediaLink("/api/v1/videos/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/media?access="
                + token, tokens.expiry(token));
    }
}
