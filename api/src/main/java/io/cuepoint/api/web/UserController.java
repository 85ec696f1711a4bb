package io.cuepoint.api.web;

import io.cuepoint.api.access.AccountService;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.access.RequiresScope;
import io.cuepoint.api.access.Scope;
import io.cuepoint.api.access.UserResource;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
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

import java.net.URI;
import java.util.List;

/** The users of the caller's tenant (admin scope). */
@Controller("/api/v1/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "access")
@RequiresScope(Scope.ADMIN)
@ApiResponse(responseCode = "401", description = "missing, unknown, expired or revoked credential",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.UNAUTHORIZED)))
@ApiResponse(responseCode = "403", description = "the credential lacks the admin scope",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.FORBIDDEN_ADMIN)))
public class UserController {
    static final String USER_EXAMPLE = """
            {"id": "u-3f9a0c1d22e4b7a9", "tenantId": "t-5c0e7d2a19b84f36", "email": "ada@northfield.edu",
             "name": "Ada", "role": "faculty", "disabled": false, "courses": ["c-81b2d0e4a9f3c5d7"],
             "createdAt": "2026-01-02T08:00:00Z"}""";

    /**
     * A new user.
     *
     * @param role     admin, faculty or integration
     * @param password at least 10 characters; none for a user that only acts through API keys
     * @param courses  course ids to make it a member of
     */
    @Introspected
    public record NewUser(@NotBlank String email, @Nullable String name, @NotBlank String role,
                          @Nullable String password, @Nullable List<String> courses) {
    }

    /** What to change; absent fields stay as they are. */
    @Introspected
    public record UserChange(@Nullable String role, @Nullable Boolean disabled, @Nullable String password) {
    }

    private final AccountService accounts;

    public UserController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "Create a user", description = "Emails are unique across tenants (users sign in by "
            + "email). Passwords are stored as PBKDF2-HMAC-SHA256 hashes.")
    @ApiResponse(responseCode = "201", description = "created", content = @Content(
            schema = @Schema(implementation = UserResource.class), examples = @ExampleObject(value = USER_EXAMPLE)))
    @ApiResponse(responseCode = "400", description = "bad email, role or password",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.BAD_USER)))
    @ApiResponse(responseCode = "409", description = "a user with that email exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.DUPLICATE_USER)))
    @Post
    public HttpResponse<UserResource> create(
            @RequestBody(content = @Content(examples = @ExampleObject(value = AccessExamples.NEW_USER)))
            @Valid @Body NewUser user,
            @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal) {
        UserResource created = accounts.createUser(principal, user.email(), user.name(), user.role(),
                user.password(), user.courses());
        return HttpResponse.created(created, URI.create("/api/v1/users/" + created.id()));
    }

    @Operation(summary = "List the tenant's users", description = "By email.")
    @ApiResponse(responseCode = "200", description = "the users", content = @Content(examples = @ExampleObject(
            value = "[" + USER_EXAMPLE + "]")))
    @Get
    public List<UserResource> list(@Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE)
                                   Principal principal) {
        return accounts.users(principal);
    }

    @Operation(summary = "Change a user's role, disable or enable it, or set its password",
            description = "Takes effect at once: a disabled user's tokens and keys are refused from the next "
                    + "request on.")
    @ApiResponse(responseCode = "200", description = "the user as it is now", content = @Content(
            schema = @Schema(implementation = UserResource.class), examples = @ExampleObject(value = USER_EXAMPLE)))
    @ApiResponse(responseCode = "404", description = "no such user in the tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.NO_USER)))
    @Patch("/{id}")
    public UserResource update(
            @Parameter(description = AccessExamples.USER_ID) @PathVariable String id,
            @RequestBody(content = @Content(examples = @ExampleObject(value = AccessExamples.USER_CHANGE)))
            @Valid @Body UserChange change,
            @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal) {
        return accounts.updateUser(principal, id, change.role(), change.disabled(), change.password());
    }
}
