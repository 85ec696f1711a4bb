package io.cuepoint.api.web;

import io.cuepoint.api.access.AccountService;
import io.cuepoint.api.access.Course;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.access.RequiresScope;
import io.cuepoint.api.access.Scope;
import io.cuepoint.api.access.UserResource;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
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

/** The courses of the caller's tenant and who is a member of them (admin scope). */
@Controller("/api/v1/courses")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "access")
@RequiresScope(Scope.ADMIN)
@ApiResponse(responseCode = "401", description = "missing, unknown, expired or revoked credential",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.UNAUTHORIZED)))
@ApiResponse(responseCode = "403", description = "the credential lacks the admin scope",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.FORBIDDEN_ADMIN)))
public class CourseController {
    private static final String USER_EXAMPLE = """
            {"id": "u-3f9a0c1d22e4b7a9", "tenantId": "t-5c0e7d2a19b84f36", "email": "ada@northfield.edu",
             "name": "Ada", "role": "faculty", "disabled": false, "courses": ["c-81b2d0e4a9f3c5d7"],
             "createdAt": "2026-01-02T08:00:00Z"}""";

    /** A new course. */
    @Introspected
    public record NewCourse(@NotBlank String name) {
    }

    private final AccountService accounts;

    public CourseController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "Create a course")
    @ApiResponse(responseCode = "201", description = "created", content = @Content(
            schema = @Schema(implementation = Course.class), examples = @ExampleObject(value = """
            {"id": "c-81b2d0e4a9f3c5d7", "name": "Clinical skills 2", "createdAt": "2026-01-02T08:00:00Z"}""")))
    @ApiResponse(responseCode = "409", description = "the tenant has a course of that name")
    @Post
    public HttpResponse<Course> create(
            @RequestBody(content = @Content(examples = @ExampleObject(value = AccessExamples.NEW_COURSE)))
            @Valid @Body NewCourse course,
            @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal) {
        Course created = accounts.createCourse(principal, course.name());
        return HttpResponse.created(created, URI.create("/api/v1/courses/" + created.id()));
    }

    @Operation(summary = "List the tenant's courses", description = "By name.")
    @ApiResponse(responseCode = "200", description = "the courses", content = @Content(examples = @ExampleObject(
            value = """
            [{"id": "c-81b2d0e4a9f3c5d7", "name": "Clinical skills 2", "createdAt": "2026-01-02T08:00:00Z"},
             {"id": "c-0a4e6b9d13c27f58", "name": "default", "createdAt": "2026-01-01T00:00:00Z"}]""")))
    @Get
    public List<Course> list(@Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal) {
        return accounts.courses(principal);
    }

    @Operation(summary = "Make a user a member of a course", description = "Idempotent. Faculty and integration "
            + "users reach the videos of the courses they are members of.")
    @ApiResponse(responseCode = "200", description = "the user, with its courses", content = @Content(
            schema = @Schema(implementation = UserResource.class), examples = @ExampleObject(value = USER_EXAMPLE)))
    @ApiResponse(responseCode = "404", description = "no such course or user in the tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.UNKNOWN_COURSE)))
    @Put("/{id}/members/{userId}")
    public UserResource addMember(
            @Parameter(description = AccessExamples.COURSE_ID) @PathVariable String id,
            @Parameter(description = AccessExamples.USER_ID) @PathVariable String userId,
            @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal) {
        return accounts.membership(principal, id, userId, true);
    }

    @Operation(summary = "Remove a user from a course")
    @ApiResponse(responseCode = "200", description = "the user, with its remaining courses", content = @Content(
            schema = @Schema(implementation = UserResource.class), examples = @ExampleObject(value = USER_EXAMPLE)))
    @ApiResponse(responseCode = "404", description = "no such course, user or membership in the tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.UNKNOWN_COURSE)))
    @Delete("/{id}/members/{userId}")
    public UserResource removeMember(
            @Parameter(description = AccessExamples.COURSE_ID) @PathVariable String id,
            @Parameter(description = AccessExamples.USER_ID) @PathVariable String userId,
            @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal) {
        return accounts.membership(principal, id, userId, false);
    }
}
