package io.cuepoint.api.web;

import io.cuepoint.api.access.Principal;
import io.cuepoint.api.access.RequiresScope;
import io.cuepoint.api.access.Scope;
import io.cuepoint.api.export.ExportService;
import io.cuepoint.api.timeline.EventResource;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** A video's events as downloadable files: WebVTT chapters and metadata, JSON, CSV. */
@Controller("/api/v1/videos/{id}/exports")
@ExecuteOn(TaskExecutors.BLOCKING)
@RequiresScope(Scope.EVENTS_READ)
@Tag(name = "exports")
@ApiResponse(responseCode = "401", description = "missing or unknown credential",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.UNAUTHORIZED)))
@ApiResponse(responseCode = "404", description = "no such video (or not one the caller may see)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "missing", value = """
                        {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "no video 5b1e7c2a",
                         "instance": "/api/v1/videos/5b1e7c2a/exports/events.csv"}""")))
public class ExportController {
    private static final String VTT = "text/vtt";

    private final ExportService exports;

    public ExportController(ExportService exports) {
        this.exports = exports;
    }

    @Operation(summary = "Chapters as WebVTT", description = "One cue per shown slide (\"Slide 3\"; a return to a "
            + "slide repeats its number) when the video has slides, else one per shot (\"Shot 2 (00:12)\"). A "
            + "chapter ends where the next starts, the last at the end of the video. For <track kind=\"chapters\">.")
    @ApiResponse(responseCode = "200", description = "the chapters", content = @Content(mediaType = VTT,
            examples = @ExampleObject(name = "slides", value = """
                    WEBVTT

                    chapter-1
                    00:00:00.000 --> 00:00:10.000
                    Slide 1

                    chapter-2
                    00:00:10.000 --> 00:00:40.000
                    Slide 2
                    """)))
    @Get(value = "/chapters.vtt", produces = VTT)
    public HttpResponse<String> chapters(
            @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal,
            @Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id) {
        return file(exports.chapters(principal, id));
    }

    @Operation(summary = "Every event as a WebVTT metadata track", description = "One cue per event, by start; the "
            + "cue identifier is the event id, the payload the event as JSON on one line (as in the events "
            + "endpoints). An instant event's cue lasts one frame (1000 / frame rate ms, rounded up; 40 ms when "
            + "the frame rate is unknown). For <track kind=\"metadata\">.")
    @ApiResponse(responseCode = "200", description = "the track", content = @Content(mediaType = VTT,
            examples = @ExampleObject(name = "events", value = """
                    WEBVTT

                    2f0c9a4e1b7d3c55
                    00:00:01.000 --> 00:00:01.040
                    {"id":"2f0c9a4e1b7d3c55","videoId":"5b1e7c2a","type":"shot.cut","startMs":1000,"endMs":1000,\
                    "startFrame":25,"endFrame":25,"confidence":0.93,"attributes":{"score":0.81}}
                    """)))
    @Get(value = "/metadata.vtt", produces = VTT)
    public HttpResponse<String> metadata(
            @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal,
            @Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id) {
        return file(exports.metadata(principal, id));
    }

    @Operation(summary = "Every event as a JSON file", description = "The events array, by start, each as in the "
            + "events endpoints.")
    @ApiResponse(responseCode = "200", description = "the events", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, array = @ArraySchema(schema = @Schema(implementation =
            EventResource.class)), examples = @ExampleObject(name = "events", value = """
                    [{"id": "2f0c9a4e1b7d3c55", "videoId": "5b1e7c2a", "type": "shot.cut", "startMs": 1000,
                      "endMs": 1000, "startFrame": 25, "endFrame": 25, "confidence": 0.93,
                      "attributes": {"score": 0.81}}]""")))
    @Get(value = "/events.json", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<List<EventResource>> json(
            @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal,
            @Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id) {
        return HttpResponse.ok(exports.events(principal, id)).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(ExportService.name(id, "events.json")));
    }

    @Operation(summary = "Every event as CSV", description = "RFC 4180 with a header row and one row per event, by "
            + "start: id, videoId, type, startMs, endMs, startFrame, endFrame, confidence, track, box (JSON), "
            + "attributes (JSON). Text starting with = + - @ is prefixed with ' so that spreadsheets do not run "
            + "it as a formula.")
    @ApiResponse(responseCode = "200", description = "the table", content = @Content(mediaType = "text/csv",
            examples = @ExampleObject(name = "events", value = """
                    id,videoId,type,startMs,endMs,startFrame,endFrame,confidence,track,box,attributes
                    2f0c9a4e1b7d3c55,5b1e7c2a,shot.cut,1000,1000,25,25,0.93,,,"{""score"":0.81}"
                    """)))
    @Get(value = "/events.csv", produces = "text/csv")
    public HttpResponse<String> csv(
            @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal,
            @Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id) {
        return file(exports.csv(principal, id));
    }

    private static HttpResponse<String> file(ExportService.Export export) {
        return HttpResponse.ok(export.body()).contentType(export.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(export.filename()));
    }

    private static String disposition(String filename) {
        return "attachment; filename=\"" + filename + "\"";
    }
}
