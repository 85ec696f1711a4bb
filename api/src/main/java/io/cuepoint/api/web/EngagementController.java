package io.cuepoint.api.web;

import io.cuepoint.api.access.RequiresScope;
import io.cuepoint.api.access.Scope;
import io.cuepoint.api.engagement.Engagement;
import io.cuepoint.api.engagement.EngagementService;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * How engaging a video is likely to be, window by window, and the stretches a reviewer may want to act on. Computed
 * from the stored events and prosody when asked.
 */
@Controller("/api/v1/videos")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "engagement")
@RequiresScope(Scope.EVENTS_READ)
@ApiResponse(responseCode = "401", description = "missing, unknown, expired or revoked credential",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.UNAUTHORIZED)))
@ApiResponse(responseCode = "404", description = "no such video",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.NO_VIDEO)))
public class EngagementController {
    private final EngagementService engagement;

    public EngagementController(EngagementService engagement) {
        this.engagement = engagement;
    }

    @Operation(summary = "The engagement timeline of a video",
            description = "A score from 0 to 1 per window: the weighted mean of the components speakingRate, "
                    + "vocalVariety, visualChange, presenter, gesture and staticStretch (each 0 to 1; null where the "
                    + "detector behind it did not run, and then left out of the mean), with the measures behind "
                    + "them; and flags such as no-visual-change or fast-speech with their stretch of time.")
    @ApiResponse(responseCode = "400", description = "windowMs outside 2000 to 600000",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.BAD_WINDOW)))
    @ApiResponse(responseCode = "200", description = "the engagement timeline", content = @Content(
            examples = @ExampleObject(summary = "lecture-01.mp4 (no audio track, no presenter)",
                    value = AnalysisExamples.ENGAGEMENT)))
    @Get("/{id}/engagement")
    public Engagement engagement(@Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id,
                                 @Parameter(description = "window length in ms, 2000 to 600000")
                                 @QueryValue(defaultValue = "10000") long windowMs) {
        return engagement.engagement(id, windowMs);
    }
}
