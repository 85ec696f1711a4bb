package io.cuepoint.api.web;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.access.RequiresScope;
import io.cuepoint.api.access.Scope;
import io.cuepoint.api.media.ByteRange;
import io.cuepoint.api.media.StoredMedia;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.Video;
import io.cuepoint.api.store.VideoRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A video's stored original, for the viewer's player: the whole file or one byte range, so that a browser
 * can seek without downloading everything first.
 */
@Controller("/api/v1/videos")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "videos")
@RequiresScope(Scope.EVENTS_READ)
public class MediaController {
    private final Database db;
    private final VideoRepository videos;
    private final StoredMedia media;
    private final ErrorResponseProcessor<?> errors;

    public MediaController(Database db, VideoRepository videos, StoredMedia media, ErrorResponseProcessor<?> errors) {
        this.db = db;
        this.videos = videos;
        this.media = media;
        this.errors = errors;
    }

    @Operation(summary = "The stored original of a video",
            description = "Streams the uploaded (or server-side) file with its content type by extension. Honours "
                    + "one byte range (Range: bytes=first-last, first- or -suffix) with 206 and Content-Range; "
                    + "several ranges are answered with the whole file. A <video> element, which cannot send "
                    + "headers, may authenticate with ?access=<token> from POST /api/v1/videos/{id}/media-link.")
    @ApiResponse(responseCode = "200", description = "the whole file",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Accept-Ranges",
                    description = "bytes", schema = @Schema(type = "string")),
            content = @Content(mediaType = "video/webm", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "206", description = "the requested range",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Content-Range",
                    description = "such as bytes 0-1023/48213", schema = @Schema(type = "string")),
            content = @Content(mediaType = "video/webm", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "401", description = "missing or invalid credential",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = "{\"type\":\"about:blank\",\"title\":\"Unauthorized\","
                            + "\"status\":401,\"detail\":\"the API key is not valid\","
                            + "\"instance\":\"/api/v1/videos/2b1f/media\"}")))
    @ApiResponse(responseCode = "404", description = "no such video, or its file is no longer stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = "{\"type\":\"about:blank\",\"title\":\"Not Found\","
                            + "\"status\":404,\"detail\":\"no video 2b1f\",\"instance\":\"/api/v1/videos/2b1f/media\"}")))
    @ApiResponse(responseCode = "416", description = "the range starts past the end of the file; Content-Range "
            + "names the size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = "{\"type\":\"about:blank\",\"title\":\"Requested Range Not "
                            + "Satisfiable\",\"status\":416,\"detail\":\"the range bytes=99999999- starts past the "
                            + "end of the file (48213 bytes)\",\"instance\":\"/api/v1/videos/2b1f/media\"}")))
    @Get(value = "/{id}/media", produces = MediaType.ALL)
    public HttpResponse<?> media(HttpRequest<?> request,
                                 @Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id,
                                 @Parameter(description = "one byte range, such as bytes=0-1023")
                                 @Nullable @Header(HttpHeaders.RANGE) String range,
                                 @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal) {
        Video video = db.read("reading a video", c -> videos.find(c, id))
                .filter(v -> principal.sees(v.tenantId(), v.courseId()))
                .orElseThrow(() -> ApiException.notFound("no video " + id));
        Path file = media.file(video);
        long size;
        long modified;
        try {
            size = Files.size(file);
            modified = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw ApiException.notFound("the media of video " + id + " is no longer stored");
        }
        MediaType type = StoredMedia.contentType(file.getFileName().toString());
        Optional<ByteRange> asked;
        try {
            asked = ByteRange.parse(range, size);
        } catch (ByteRange.Unsatisfiable e) {
            // A problem document like every refusal, plus the size a client needs to ask again (RFC 9110 15.5.17).
            return errors.processResponse(ErrorContext.builder(request).errorMessage("the range " + range
                            + " starts past the end of the file (" + size + " bytes)").build(),
                    HttpResponse.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                            .header(HttpHeaders.CONTENT_RANGE, "bytes */" + size));
        }
        ByteRange served = asked.orElse(new ByteRange(0, size - 1));
        var body = new StreamedFile(StoredMedia.open(file, served), type, modified, served.length());
        var response = asked.isPresent()
                ? HttpResponse.status(HttpStatus.PARTIAL_CONTENT).header(HttpHeaders.CONTENT_RANGE,
                        served.contentRange(size))
                : HttpResponse.ok();
        return response.header(HttpHeaders.ACCEPT_RANGES, "bytes").body(body);
    }
}
