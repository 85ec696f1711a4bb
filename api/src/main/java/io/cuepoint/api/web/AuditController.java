package io.cuepoint.api.web;

import io.cuepoint.api.access.AuditEntry;
import io.cuepoint.api.access.AuditTrail;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.access.RequiresScope;
import io.cuepoint.api.access.Scope;
import io.cuepoint.api.timeline.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The audit log of the caller's tenant (admin scope). */
@Controller("/api/v1/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "access")
@RequiresScope(Scope.ADMIN)
public class AuditController {
    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @Operation(summary = "Who requested what, newest first",
            description = "Every /api/v1 request of the tenant, refusals included, with the status it got. "
                    + "Written asynchronously: a request appears within a moment. Operators also see refusals "
                    + "that carried no valid credential (no tenant).")
    @ApiResponse(responseCode = "200", description = "one page", content = @Content(examples = @ExampleObject(
            value = """
            {"items": [{"id": 4711, "at": "2026-01-05T09:12:30.123Z", "tenantId": "t-5c0e7d2a19b84f36",
                        "actor": "key:9d1e4c7b20a3f6e8", "method": "GET",
                        "path": "/api/v1/videos/0b9a7c1e-4f6d-4e2a-9c3b-8d5e6f7a8b9c/timeline",
                        "videoId": "0b9a7c1e-4f6d-4e2a-9c3b-8d5e6f7a8b9c", "status": 200, "remote": "10.0.4.17"}],
             "nextCursor": "YTE6NDcxMQ"}""")))
    @ApiResponse(responseCode = "401", description = "missing, unknown, expired or revoked credential",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", description = "the credential lacks the admin scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.FORBIDDEN_ADMIN)))
    @Get
    public Page<AuditEntry> audit(
            @Parameter(description = "entries per page, 1 to 1000") @QueryValue(defaultValue = "100") @Min(1) @Max(1000)
            int limit,
            @Parameter(description = "nextCursor of the previous page") @Nullable @QueryValue String cursor,
            @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal) {
        return trail.page(principal, limit, cursor);
    }
}
