package io.cuepoint.api.web;

import io.cuepoint.api.access.AnyScope;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.access.PrincipalResource;
import io.cuepoint.api.access.PublicRoute;
import io.cuepoint.api.access.SignIn;
import io.cuepoint.api.access.UserResource;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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

import java.time.Instant;

/** Signing in with email and password, and who the caller is. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "access")
public class AuthController {
    /** Email and password. */
    @Introspected
    public record Login(@NotBlank String email, @NotBlank String password) {
    }

    /** A sign-in token for {@code Authorization: Bearer}, until {@code expiresAt}. */
    public record Session(String token, Instant expiresAt, UserResource user) {
    }

    private final SignIn signIn;

    public AuthController(SignIn signIn) {
        this.signIn = signIn;
    }

    @Operation(summary = "Sign in", description = "Exchanges email and password for a token to send as "
            + "Authorization: Bearer <token> (valid for cuepoint.auth.token-ttl). Needs no credential; limited to "
            + "cuepoint.auth.login-attempts-per-minute per remote address.",
            // An explicitly empty list: this operation overrides the document's security requirements.
            security = {})
    @ApiResponse(responseCode = "200", description = "signed in", content = @Content(
            schema = @Schema(implementation = Session.class), examples = @ExampleObject(value = """
            {"token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTNmOWEwYzFkMjJlNGI3YTkiLCJ0aWQiOiJkZWZhdWx0In0.sig",
             "expiresAt": "2026-01-05T18:00:00Z",
             "user": {"id": "u-3f9a0c1d22e4b7a9", "tenantId": "default", "email": "ada@example.edu",
                      "name": "Ada", "role": "faculty", "disabled": false, "courses": ["c-81b2d0e4a9f3c5d7"],
                      "createdAt": "2026-01-02T08:00:00Z"}}""")))
    @ApiResponse(responseCode = "401", description = "wrong email or password, or the user is disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = """
                    {"type": "about:blank", "title": "Unauthorized", "status": 401,
                     "detail": "wrong email or password", "instance": "/api/v1/auth/login"}""")))
    @ApiResponse(responseCode = "429", description = "too many attempts from this address; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.LOGIN_LIMIT)))
    @Post("/auth/login")
    @PublicRoute
    public Session login(@RequestBody(content = @Content(examples = @ExampleObject(value = AccessExamples.LOGIN)))
                         @Valid @Body Login login) {
        SignIn.Session s = signIn.signIn(login.email(), login.password());
        return new Session(s.token().token(), s.token().expiresAt(), s.user());
    }

    @Operation(summary = "Who the credential belongs to",
            description = "Tenant, actor, role, scopes and the courses it reaches (null: every course).")
    @ApiResponse(responseCode = "200", description = "the caller", content = @Content(
            schema = @Schema(implementation = PrincipalResource.class), examples = @ExampleObject(value = """
            {"tenantId": "t-5c0e7d2a19b84f36", "actor": "key:9d1e4c7b20a3f6e8", "role": "integration",
             "scopes": ["events:read"], "courses": ["c-81b2d0e4a9f3c5d7"], "operator": false}""")))
    @ApiResponse(responseCode = "401", description = "missing, unknown, expired or revoked credential",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.UNAUTHORIZED)))
    @Get("/me")
    @AnyScope
    public PrincipalResource me(@Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal) {
        return PrincipalResource.of(principal);
    }
}
