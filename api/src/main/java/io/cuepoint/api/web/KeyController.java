package io.cuepoint.api.web;

import io.cuepoint.api.access.KeyResource;
import io.cuepoint.api.access.KeyService;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.access.RequiresScope;
import io.cuepoint.api.access.Scope;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** API keys of the caller's tenant (admin scope). */
@Controller("/api/v1/api-keys")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "access")
@RequiresScope(Scope.ADMIN)
@ApiResponse(responseCode = "401", description = "missing, unknown, expired or revoked credential",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.UNAUTHORIZED)))
@ApiResponse(responseCode = "403", description = "the credential lacks the admin scope",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.FORBIDDEN_ADMIN)))
public class KeyController {
    /**
     * A new key.
     *
     * @param scopes    events:read, videos:write, admin: no more than the caller and the key's user may have
     * @param userId    the user it acts for (it reaches that user's courses); default the caller's own user,
     *                  required when an operator key creates it
     * @param expiresAt when it stops working; default never
     */
    @Introspected
    public record NewKey(@NotBlank String name, @NotEmpty List<String> scopes, @Nullable String userId,
                         @Nullable Instant expiresAt) {
    }

    private final KeyService keys;

    public KeyController(KeyService keys) {
        this.keys = keys;
    }

    @Operation(summary = "Create an API key", description = "The answer's key field holds the whole key, "
            + "cpk_<id>_<secret>; it is shown this once and only its hash is kept. Send it as X-API-Key or "
            + "Authorization: Bearer.")
    @ApiResponse(responseCode = "201", description = "created; keep the key", content = @Content(
            schema = @Schema(implementation = KeyResource.class), examples = @ExampleObject(value = """
            {"id": "9d1e4c7b20a3f6e8", "name": "LMS sync", "userId": "u-3f9a0c1d22e4b7a9",
             "scopes": ["events:read"], "prefix": "cpk_9d1e4c7b20a3f6e8_",
             "key": "cpk_9d1e4c7b20a3f6e8_5b0c8e2f4a6d1c3e7b9f0a2d4c6e8b1a3f5d7c9e0b2a4d6f8c1e3a5b7d9f0c2e4a",
             "createdAt": "2026-01-02T08:00:00Z"}""")))
    @ApiResponse(responseCode = "400", description = "unknown scope, or more than the caller or user may have",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.BAD_SCOPE)))
    @ApiResponse(responseCode = "404", description = "no such user in the tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.NO_USER)))
    @Post
    public HttpResponse<KeyResource> create(
            @RequestBody(content = @Content(examples = @ExampleObject(value = AccessExamples.NEW_KEY)))
            @Valid @Body NewKey key,
            @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal) {
        KeyResource created = keys.create(principal, key.name(), key.scopes(), key.userId(), key.expiresAt());
        return HttpResponse.created(created, URI.create("/api/v1/api-keys/" + created.id()));
    }

    @Operation(summary = "List the tenant's API keys", description = "Newest first, never with their secrets.")
    @ApiResponse(responseCode = "200", description = "the keys", content = @Content(examples = @ExampleObject(
            value = """
            [{"id": "9d1e4c7b20a3f6e8", "name": "LMS sync", "userId": "u-3f9a0c1d22e4b7a9",
              "scopes": ["events:read"], "prefix": "cpk_9d1e4c7b20a3f6e8_", "createdAt": "2026-01-02T08:00:00Z",
              "lastUsedAt": "2026-01-05T09:12:30Z"}]""")))
    @Get
    public List<KeyResource> list(@Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE)
                                  Principal principal) {
        return keys.list(principal);
    }

    @Operation(summary = "Revoke an API key", description = "Refused from the next request on.")
    @ApiResponse(responseCode = "204", description = "revoked")
    @ApiResponse(responseCode = "404", description = "no such key in the tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = """
                    {"type": "about:blank", "title": "Not Found", "status": 404,
                     "detail": "no API key 9d1e4c7b20a3f6e8", "instance": "/api/v1/api-keys/9d1e4c7b20a3f6e8"}""")))
    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    public void revoke(@Parameter(description = "the key id, such as 9d1e4c7b20a3f6e8 (the part after cpk_)")
                       @PathVariable String id,
                       @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal) {
        keys.revoke(principal, id);
    }
}
