package io.cuepoint.api.web;

import io.cuepoint.api.access.Principal;
import io.cuepoint.api.access.RequiresScope;
import io.cuepoint.api.access.Scope;
import io.cuepoint.api.stream.StreamService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reactivestreams.Publisher;

/** A video's progress and new events as server-sent events, while it is analysed. */
@Controller("/api/v1/videos")
@ExecuteOn(TaskExecutors.BLOCKING)
@RequiresScope(Scope.EVENTS_READ)
@Tag(name = "videos")
@ApiResponse(responseCode = "401", description = "missing or unknown credential",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.UNAUTHORIZED)))
public class StreamController {
    private final StreamService streams;

    public StreamController(StreamService streams) {
        this.streams = streams;
    }

    @Operation(summary = "Follow a video's analysis (server-sent events)",
            description = "A text/event-stream of: `progress` (data: the video, sent first and whenever it "
                    + "changes), `event` (data: one new or changed event, in the order events were written; its "
                    + "`id` is a feed cursor), `end` (data: the video; sent once it is COMPLETED or FAILED and "
                    + "every one of its events was sent; the server then closes the stream) and comment lines "
                    + "(`: heartbeat`) after cuepoint.stream.heartbeat-ms without anything else. A client that "
                    + "reconnects with the Last-Event-ID header (EventSource does this by itself) receives only "
                    + "what came after that event. An event changed after it was sent (a fragment chain that "
                    + "grows across a segment boundary) is sent again with its new content.")
    @ApiResponse(responseCode = "200", description = "the stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM, examples = @ExampleObject(name = "stream",
                    value = """
                            event: progress
                            data: {"id":"5b1e7c2a","filename":"lecture.mp4","status":"ANALYZING","progress":0.6}

                            event: event
                            id: ZjEuNzQ5LjEyMw
                            data: {"id":"2f0c9a4e1b7d3c55","videoId":"5b1e7c2a","type":"slide.shown","startMs":0,\
                            "endMs":10000,"startFrame":0,"endFrame":249,"confidence":0.9}

                            : heartbeat

                            event: end
                            data: {"id":"5b1e7c2a","filename":"lecture.mp4","status":"COMPLETED","progress":1.0}
                            """)))
    @ApiResponse(responseCode = "400", description = "Last-Event-ID is not an event id of this stream",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.BAD_LAST_EVENT_ID)))
    @ApiResponse(responseCode = "404", description = "no such video (or not one the caller may see)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = """
                            {"type": "about:blank", "title": "Not Found", "status": 404,
                             "detail": "no video 5b1e7c2a", "instance": "/api/v1/videos/5b1e7c2a/stream"}""")))
    @ApiResponse(responseCode = "503", description = "cuepoint.stream.max-streams streams are open; retry later",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = ProblemExamples.TOO_MANY_STREAMS)))
    @Get(value = "/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<?>> stream(
            @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal,
            @Parameter(description = VideoExamples.ID_DESCRIPTION) @PathVariable String id,
            @Parameter(description = "the id of the last event received, to resume after it")
            @Nullable @Header("Last-Event-ID") String lastEventId) {
        return streams.open(principal, id, lastEventId);
    }
}
