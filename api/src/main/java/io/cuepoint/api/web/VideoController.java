package io.cuepoint.api.web;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.access.RequiresScope;
import io.cuepoint.api.access.Scope;
import io.cuepoint.api.submit.VideoSubmissions;
import io.cuepoint.api.timeline.EventJsonResource;
import io.cuepoint.api.timeline.Page;
import io.cuepoint.api.timeline.Timeline;
import io.cuepoint.api.timeline.TimelineJson;
import io.cuepoint.api.timeline.TimelineService;
import io.cuepoint.api.timeline.VideoResource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.multipart.StreamingFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/** Videos: submit, inspect, list, read their timeline and events, delete. */
@Controller("/api/v1/videos")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "videos")
@RequiresScope(Scope.EVENTS_READ)
@ApiResponse(responseCode = "401", description = "missing, unknown, expired or revoked credential",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.UNAUTHORIZED)))
@ApiResponse(responseCode = "403", description = "the credential lacks the scope",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.FORBIDDEN)))
@ApiResponse(responseCode = "429", description = "rate limit exceeded; Retry-After says when to retry",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.TOO_MANY)))
public class VideoController {
    private static final String COURSE = "the course id; default: the tenant's course named default if the "
            + "credential reaches it, else the only course it reaches";

    static final String VIDEO_EXAMPLE = "{\"id\": \"3f1c2a9e-5b7d-4e21-9a0c-1d2e3f4a5b6c\", \"filename\": \"week1.mp4\", "
            + "\"status\": \"QUEUED\", \"progress\": 0.0, \"counts\": {\"frames\": 0, \"corruptFrames\": 0, "
            + "\"events\": 0, \"segmentsDone\": 0}, \"createdAt\": \"2026-01-05T10:00:00Z\", "
            + "\"updatedAt\": \"2026-01-05T10:00:00Z\"}";
    static final String REFUSED_EXAMPLE = "{\"type\": \"about:blank\", \"title\": \"Bad Request\", \"status\": 400, "
            + "\"detail\": \"refused: 169.254.169.254 is a cloud metadata address (cuepoint.egress.allowed-networks "
            + "can allow it)\", \"instance\": \"/api/v1/videos\"}";
    private final VideoSubmissions submissions;
    private final TimelineService timelines;

    public VideoController(VideoSubmissions submissions, TimelineService timelines) {
        this.submissions = submissions;
        this.timelines = timelines;
    }

    @Operation(summary = "Upload a video", description = "Stores the file part and queues the video for analysis.")
    @ApiResponse(responseCode = "202", description = "accepted; Location names the video", content = @Content(
            schema = @Schema(implementation = VideoResource.class),
            examples = @ExampleObject(value = VideoExamples.QUEUED)))
    @ApiResponse(responseCode = "413", description = "larger than cuepoint.max-upload-bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.TOO_LARGE)))
    @ApiResponse(responseCode = "400", description = "no course given and the credential reaches several",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.NO_COURSE)))
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @RequiresScope(Scope.VIDEOS_WRITE)
    public HttpResponse<VideoResource> upload(StreamingFileUpload file,
                                              @Parameter(description = COURSE) @Nullable @QueryValue String course,
                                              @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE)
                                              Principal principal) {
        return accepted(submissions.upload(principal, course, file.getFilename(), file.asInputStream()));
    }

    @Operation(summary = "Submit a video by URL or server path",
            description = "JSON with exactly one of url and path. A url (http or https) is downloaded now, through "
                    + "the egress guard: loopback, private, link-local, carrier-grade NAT, multicast, reserved and "
                    + "cloud metadata addresses are refused after DNS resolution and after every redirect unless "
                    + "cuepoint.egress.allowed-networks names them; at most cuepoint.egress.max-download-bytes, "
                    + "within cuepoint.egress.download-timeout. A path (only with cuepoint.allow-server-paths) must "
                    + "be a readable file under one of cuepoint.server-path-roots.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PathSubmission.class),
                    examples = {
                        @ExampleObject(name = "url", value = "{\"url\": \"https://media.example.edu/week1.mp4\"}"),
                        @ExampleObject(name = "path", value = "{\"path\": \"/srv/lectures/week1.mp4\"}")})))
    @ApiResponse(responseCode = "202", description = "downloaded (for a url) and queued; Location names the video",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation =
                    VideoResource.class), examples = @ExampleObject(value = VIDEO_EXAMPLE)))
    @ApiResponse(responseCode = "400", description = "neither or both of url and path; a refused or invalid URL",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = REFUSED_EXAMPLE)))
    @ApiResponse(responseCode = "403", description = "server paths disabled, or the path is outside the roots",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.PATHS_DISABLED)))
    @ApiResponse(responseCode = "404", description = "no such file")
    @ApiResponse(responseCode = "413", description = "the download is larger than cuepoint.egress.max-download-bytes")
    @ApiResponse(responseCode = "502", description = "the URL answered an error status or could not be reached")
    @ApiResponse(responseCode = "504", description = "the download took longer than cuepoint.egress.download-timeout")
    @Post(consumes = MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.VIDEOS_WRITE)
    public HttpResponse<VideoResource> submitPath(@Valid @Body PathSubmission submission,
                                                  @Parameter(description = COURSE) @Nullable @QueryValue String course,
                                                  @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE)
                                                  Principal principal) {
        boolean hasPath = submission.path() != null;
        boolean hasUrl = submission.url() != null;
        if (hasPath == hasUrl) {
            throw ApiException.badRequest("send exactly one of \"url\" and \"path\"");
        }
        if (hasUrl) {
            if (submission.url().isBlank()) {
                throw ApiException.badRequest("the url must not be blank");
            }
            return accepted(submissions.submitUrl(principal, course, submission.url()));
        }
        if (submission.path().isBlank()) {
            throw ApiException.badRequest("the path must not be blank");
        }
        return accepted(submissions.submitPath(principal, course, submission.path()));
    }

    @Operation(summary = "A video's status, progress and media metadata")
    @ApiResponse(responseCode = "200", description = "the video", content = @Content(
            schema = @Schema(implementation = VideoResource.class),
            examples = @ExampleObject(value = VideoExamples.VIDEO)))
    @ApiResponse(responseCode = "404", description = "no such video (or not one the caller may see)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.NO_VIDEO)))
    @Get("/{id}")
    public VideoResource video(@Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id) {
        return timelines.video(id);
    }

    @Operation(summary = "List videos, newest first",
            description = "Only the videos of the caller's tenant and of the courses it reaches.")
    @ApiResponse(responseCode = "200", description = "one page", content = @Content(
            examples = @ExampleObject(value = VideoExamples.VIDEOS)))
    @ApiResponse(responseCode = "400", description = "limit or cursor out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.BAD_LIMIT)))
    @Get
    public Page<VideoResource> videos(
            @Parameter(description = "videos per page, 1 to 500") @QueryValue(defaultValue = "50") @Min(1) @Max(500)
            int limit,
            @Parameter(description = VideoExamples.CURSOR_DESCRIPTION) @Nullable @QueryValue String cursor,
            @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal) {
        return timelines.videos(principal, limit, cursor);
    }

    @Operation(summary = "A video with all its events, one track per event type",
            description = "spatialTracks lists the tracked persons, faces and objects: one entry per track id "
                    + "that events carry, joined across segment boundaries.")
    @ApiResponse(responseCode = "200", description = "the timeline", content = @Content(
            schema = @Schema(implementation = Timeline.class), examples = @ExampleObject(
            summary = "lecture-01.mp4 with 6 of its 18 events", value = VideoExamples.TIMELINE)))
    @ApiResponse(responseCode = "404", description = "no such video (or not one the caller may see)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.NO_VIDEO)))
    @Get("/{id}/timeline")
    public TimelineJson timeline(@Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id) {
        return timelines.timelineJson(id);
    }

    @Operation(summary = "A video's events by start time",
            description = "from/to select events that overlap [from, to] (media milliseconds); track selects "
                    + "the events of one tracked person, face or object.")
    @ApiResponse(responseCode = "200", description = "one page", content = @Content(examples = @ExampleObject(
            summary = "the first 3 events of vtest.avi", value = VideoExamples.EVENTS)))
    @ApiResponse(responseCode = "404", description = "no such video (or not one the caller may see)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.NO_VIDEO)))
    @Get("/{id}/events")
    public Page<EventJsonResource> events(
            @Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id,
            @Parameter(description = "event types; repeat or separate with commas") @Nullable @QueryValue List<String> type,
            @Parameter(description = "a track id (the id of an entry of the timeline's spatialTracks, such as "
                    + "person-s0-1)") @Nullable @QueryValue String track,
            @Parameter(description = "only events ending at or after this media time (ms)")
            @Nullable @QueryValue @PositiveOrZero Long from,
            @Parameter(description = "only events starting at or before this media time (ms)")
            @Nullable @QueryValue @PositiveOrZero Long to,
            @Parameter(description = "only events at least this confident, 0 to 1")
            @Nullable @QueryValue @DecimalMin("0") @DecimalMax("1") Double minConfidence,
            @Parameter(description = "events per page, 1 to 1000") @QueryValue(defaultValue = "100") @Min(1) @Max(1000)
            int limit,
            @Parameter(description = VideoExamples.CURSOR_DESCRIPTION) @Nullable @QueryValue String cursor) {
        List<String> types = type == null ? List.of() : type.stream()
                .flatMap(t -> Arrays.stream(t.split(","))).map(String::strip).filter(t -> !t.isEmpty()).toList();
        return timelines.eventsJson(id, types, track == null || track.isBlank() ? null : track.strip(), from, to,
                minConfidence, limit, cursor);
    }

    @Operation(summary = "Delete a video, its events and its stored media")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "404", description = "no such video (or not one the caller may see)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.NO_VIDEO)))
    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @RequiresScope(Scope.VIDEOS_WRITE)
    public void delete(@Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id) {
        submissions.delete(id);
    }

    private static HttpResponse<VideoResource> accepted(VideoResource video) {
        return HttpResponse.<VideoResource>accepted(URI.create("/api/v1/videos/" + video.id())).body(video);
    }
}
