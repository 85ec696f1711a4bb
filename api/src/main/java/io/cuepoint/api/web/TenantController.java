package io.cuepoint.api.web;

import io.cuepoint.api.access.AccountService;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.access.RequiresScope;
import io.cuepoint.api.access.Scope;
import io.cuepoint.api.access.Tenant;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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

import java.net.URI;
import java.util.List;

/** Tenants, for operators (the keys of {@code cuepoint.api-keys}) only. */
@Controller("/api/v1/tenants")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "access")
@RequiresScope(Scope.ADMIN)
@ApiResponse(responseCode = "401", description = "missing, unknown, expired or revoked credential",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.UNAUTHORIZED)))
@ApiResponse(responseCode = "403", description = "not an operator key", content = @Content(
        mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
         examples = @ExampleObject(value = ProblemExamples.FORBIDDEN_OPERATOR)))
public class TenantController {
    /**
     * A new tenant.
     *
     * @param admin its first admin, optional; it signs in with this email and password
     */
    @Introspected
    public record NewTenant(@NotBlank String name, @Nullable @Valid FirstAdmin admin) {
    }

    /** The first admin of a new tenant. */
    @Introspected
    public record FirstAdmin(@NotBlank String email, @NotBlank String password) {
    }

    private final AccountService accounts;

    public TenantController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "Create a tenant", description = "Also creates its course named default and, when asked, "
            + "its first admin user.")
    @ApiResponse(responseCode = "201", description = "created", content = @Content(
            schema = @Schema(implementation = AccountService.CreatedTenant.class), examples = @ExampleObject(value = """
            {"tenant": {"id": "t-5c0e7d2a19b84f36", "name": "Northfield Medical School",
                        "createdAt": "2026-01-02T08:00:00Z"},
             "defaultCourse": {"id": "c-81b2d0e4a9f3c5d7", "name": "default", "createdAt": "2026-01-02T08:00:00Z"},
             "admin": {"id": "u-3f9a0c1d22e4b7a9", "tenantId": "t-5c0e7d2a19b84f36", "email": "it@northfield.edu",
                       "role": "admin", "disabled": false, "courses": [], "createdAt": "2026-01-02T08:00:00Z"}}""")))
    @ApiResponse(responseCode = "409", description = "a tenant of that name, or a user of that email, exists")
    @Post
    public HttpResponse<AccountService.CreatedTenant> create(
            @RequestBody(content = @Content(examples = @ExampleObject(value = AccessExamples.NEW_TENANT)))
            @Valid @Body NewTenant tenant,
            @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal) {
        var created = accounts.createTenant(principal, tenant.name(),
                tenant.admin() == null ? null : tenant.admin().email(),
                tenant.admin() == null ? null : tenant.admin().password());
        return HttpResponse.created(created, URI.create("/api/v1/tenants/" + created.tenant().id()));
    }

    @Operation(summary = "List tenants")
    @ApiResponse(responseCode = "200", description = "every tenant", content = @Content(examples = @ExampleObject(
            value = """
            [{"id": "default", "name": "default", "createdAt": "2026-01-01T00:00:00Z"},
             {"id": "t-5c0e7d2a19b84f36", "name": "Northfield Medical School", "createdAt": "2026-01-02T08:00:00Z"}]
            """)))
    @Get
    public List<Tenant> list(@Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal) {
        return accounts.tenants(principal);
    }
}
