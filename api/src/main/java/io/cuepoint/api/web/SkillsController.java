package io.cuepoint.api.web;

import io.cuepoint.api.access.RequiresScope;
import io.cuepoint.api.access.Scope;
import io.cuepoint.api.skills.SkillsReport;
import io.cuepoint.api.skills.SkillsService;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Hand-skill metrics of procedure recordings, from the skills detector's stored events. */
@Controller("/api/v1/videos")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "skills")
@RequiresScope(Scope.EVENTS_READ)
@ApiResponse(responseCode = "401", description = "missing, unknown, expired or revoked credential",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.UNAUTHORIZED)))
@ApiResponse(responseCode = "404", description = "no such video",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.NO_VIDEO)))
public class SkillsController {
    private final SkillsService skills;

    public SkillsController(SkillsService skills) {
        this.skills = skills;
    }

    @Operation(summary = "Hand-skill metrics per hand and per segment",
            description = "Per hand (left, right) over the video: pathLength (frame diagonals, summed over segments), "
                    + "meanSpeed (diagonals per second of tracked time), peakSpeed (maximum), idleShare (of tracked "
                    + "time), movementCount (hand.active intervals, merged across segment boundaries), trackedMs; "
                    + "balance = smaller path over larger (1 = equal). segments: the same per analysed segment.")
    @ApiResponse(responseCode = "200", description = "the hand-skill metrics", content = @Content(
            examples = @ExampleObject(summary = "OpenCV's vtest.avi, three 30 s segments",
                    value = AnalysisExamples.SKILLS)))
    @Get("/{id}/skills")
    public SkillsReport skills(@Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id) {
        return skills.skills(id);
    }
}
