package io.cuepoint.api.web;

import io.cuepoint.api.access.RequiresScope;
import io.cuepoint.api.access.Scope;
import io.cuepoint.api.timeline.SlideResource;
import io.cuepoint.api.timeline.SlideService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** A video's slides (lecture and screen recordings) and their keyframe images. */
@Controller("/api/v1/videos")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "slides")
@RequiresScope(Scope.EVENTS_READ)
@ApiResponse(responseCode = "401", description = "missing, unknown, expired or revoked credential",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.UNAUTHORIZED)))
public class SlideController {
    private final SlideService slides;

    public SlideController(SlideService slides) {
        this.slides = slides;
    }

    @Operation(summary = "A video's slides by start time",
            description = "One entry per slide.shown event: slideNumber in order of first appearance (a return "
                    + "to an earlier slide has its number and revisit true), the interval, builds, and the URL "
                    + "of the keyframe image.")
    @ApiResponse(responseCode = "200", description = "the slides", content = @Content(
            examples = @ExampleObject(value = AnalysisExamples.SLIDES)))
    @ApiResponse(responseCode = "404", description = "no such video",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.NO_VIDEO)))
    @Get("/{id}/slides")
    public List<SlideResource> slides(@Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id) {
        return slides.slides(id);
    }

    @Operation(summary = "A keyframe image (JPEG)", description = "The keyframe named by a slide's keyframe "
            + "attribute or keyframeUrl, such as f1234 (the frame it shows).")
    @ApiResponse(responseCode = "200", description = "the JPEG", content = @Content(mediaType = "image/jpeg"))
    @ApiResponse(responseCode = "404", description = "no such video or keyframe")
    @Get("/{id}/keyframes/{name}")
    public HttpResponse<byte[]> keyframe(@Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id,
                                         @Parameter(description = "the keyframe's name, such as f113")
                                         @PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String name) {
        return HttpResponse.ok(slides.keyframe(id, name)).contentType(MediaType.IMAGE_JPEG_TYPE);
    }
}
