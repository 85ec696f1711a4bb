package io.cuepoint.api.web;

import io.cuepoint.api.access.RequiresScope;
import io.cuepoint.api.access.Scope;
import io.cuepoint.api.motion.Heatmap;
import io.cuepoint.api.motion.MotionService;
import io.cuepoint.api.motion.RegionActivity;
import io.cuepoint.api.motion.RegionMotion;
import io.cuepoint.api.ApiException;
import io.cuepoint.api.store.Region;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
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

import java.net.URI;
import java.util.List;

/**
 * Where a video moves: a heatmap per shot, and the motion inside regions of interest that users define per
 * video. Everything is computed from the motion grids the analyzer stored, so regions need no new analysis.
 */
@Controller("/api/v1/videos")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "motion")
@RequiresScope(Scope.EVENTS_READ)
@ApiResponse(responseCode = "401", description = "missing, unknown, expired or revoked credential",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.UNAUTHORIZED)))
@ApiResponse(responseCode = "404", description = "no such video (or region, or shot)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.NO_REGION)))
public class MotionController {
    private static final String REGION = "the region's name: 1 to 64 letters, digits, - or _";

    private final MotionService motion;

    public MotionController(MotionService motion) {
        this.motion = motion;
    }

    /** The heatmaps of a video. */
    public record Heatmaps(String videoId, List<Heatmap> shots) {
    }

    /** The regions of a video. */
    public record Regions(String videoId, List<Region> regions) {
    }

    @Operation(summary = "A spatial motion heatmap per shot",
            description = "Shots are delimited by shot.cut events and shot.transition intervals (whose frames "
                    + "belong to no shot); a video without them is one shot. Each heatmap is the mean foreground "
                    + "share of every grid cell over the shot's samples.")
    @ApiResponse(responseCode = "200", description = "the heatmaps", content = @Content(examples = @ExampleObject(
            summary = "the first of the lecture's 4 shots", value = AnalysisExamples.HEATMAPS)))
    @Get("/{id}/heatmaps")
    public Heatmaps heatmaps(@Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id) {
        return new Heatmaps(id, motion.heatmaps(id));
    }

    @Operation(summary = "One shot's heatmap as a false-colour PNG",
            description = "scale pixels per cell; colours run from black (no motion) to pale yellow at the shot's "
                    + "busiest cell.")
    @Get(value = "/{id}/heatmaps/{shot}.png", produces = "image/png")
    public HttpResponse<byte[]> heatmapPng(
            @Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id,
            @Parameter(description = "the shot number, from 0") @PathVariable String shot,
            @Parameter(description = "pixels per grid cell") @QueryValue(defaultValue = "16") int scale) {
        int index;
        try {
            index = Integer.parseInt(shot);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("shots are numbered from 0; there is no shot " + shot);
        }
        return HttpResponse.ok(motion.heatmapPng(id, index, scale)).contentType("image/png");
    }

    @Operation(summary = "The regions of interest of a video, by name")
    @ApiResponse(responseCode = "200", description = "the regions", content = @Content(
            examples = @ExampleObject(value = AnalysisExamples.REGIONS)))
    @Get("/{id}/regions")
    public Regions regions(@Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id) {
        return new Regions(id, motion.regions(id));
    }

    @Operation(summary = "Define or replace a region of interest",
            description = "name: 1 to 64 letters, digits, - or _. Body {\"box\": {\"left\", \"top\", \"right\", "
                    + "\"bottom\"}} normalized to the picture, origin top left, 0 <= left < right <= 1 and "
                    + "0 <= top < bottom <= 1. At most 100 regions per video.")
    @ApiResponse(responseCode = "201", description = "created; Location names it", content = @Content(
            schema = @Schema(implementation = Region.class),
            examples = @ExampleObject(value = AnalysisExamples.REGION)))
    @ApiResponse(responseCode = "200", description = "replaced", content = @Content(
            schema = @Schema(implementation = Region.class),
            examples = @ExampleObject(value = AnalysisExamples.REGION)))
    @ApiResponse(responseCode = "400", description = "bad name or box")
    @ApiResponse(responseCode = "409", description = "the video has 100 regions already")
    @Put(value = "/{id}/regions/{name}", consumes = MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.VIDEOS_WRITE)
    public HttpResponse<Region> define(
            @Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id,
            @Parameter(description = REGION) @PathVariable String name,
            @RequestBody(content = @Content(examples = @ExampleObject(value = AnalysisExamples.REGION_BOX)))
            @Body RegionDefinition definition) {
        var saved = motion.define(id, name, definition.toBox());
        if (saved.created()) {
            return HttpResponse.<Region>created(URI.create("/api/v1/videos/" + id + "/regions/" + name))
                    .body(saved.region());
        }
        return HttpResponse.ok(saved.region());
    }

    @Operation(summary = "Delete a region of interest")
    @ApiResponse(responseCode = "204", description = "deleted")
    @Delete("/{id}/regions/{name}")
    @RequiresScope(Scope.VIDEOS_WRITE)
    @Status(HttpStatus.NO_CONTENT)
    public void delete(@Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id,
                       @Parameter(description = REGION) @PathVariable String name) {
        motion.delete(id, name);
    }

    @Operation(summary = "The motion inside a region over time",
            description = "series: the region's foreground share at every grid sample (cells weighted by how "
                    + "much of them the region covers). intervals: region.active / region.idle, split with "
                    + "hysteresis on the share smoothed over `smoothing` samples.")
    @ApiResponse(responseCode = "400", description = "thresholds out of range")
    @ApiResponse(responseCode = "200", description = "the region's motion", content = @Content(
            examples = @ExampleObject(summary = "the lecturer's side of lecture-01.mp4; series cut to 4 of 73 samples",
                    value = AnalysisExamples.REGION_MOTION)))
    @Get("/{id}/regions/{name}/motion")
    public RegionMotion regionMotion(
            @Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id,
            @Parameter(description = REGION) @PathVariable String name,
            @Parameter(description = "smoothed share, 0 to 1, at which idle turns active")
            @QueryValue(defaultValue = "0.05") double activeOn,
            @Parameter(description = "smoothed share below which active turns idle, at most activeOn")
            @QueryValue(defaultValue = "0.02") double activeOff,
            @Parameter(description = "samples of the centred moving average, 1 to 101")
            @QueryValue(defaultValue = "3") int smoothing) {
        return motion.motion(id, name, new RegionActivity.Thresholds(activeOn, activeOff, smoothing));
    }
}
