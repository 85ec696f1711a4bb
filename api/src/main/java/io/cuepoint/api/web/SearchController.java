package io.cuepoint.api.web;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.access.RequiresScope;
import io.cuepoint.api.access.Scope;
import io.cuepoint.api.search.EventSearchService;
import io.cuepoint.api.search.FeedPage;
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
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.Arrays;
import java.util.List;

/** Cross-video event search for integrations: the tenant's event feed, filtered, page by page. */
@Controller("/api/v1/events")
@ExecuteOn(TaskExecutors.BLOCKING)
@RequiresScope(Scope.EVENTS_READ)
@Tag(name = "events")
@ApiResponse(responseCode = "401", description = "missing or unknown credential",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.UNAUTHORIZED)))
public class SearchController {
    /** Most values a repeatable filter takes, and the longest value: more is a mistake, not a query. */
    private static final int MAX_VALUES = 100;
    private static final int MAX_VALUE_LENGTH = 200;

    static final String PAGE_EXAMPLE = """
            {"items": [{"id": "2f0c9a4e1b7d3c55", "videoId": "5b1e7c2a-8d4f-4e0b-9a53-0c6f1d2e3a4b",
              "type": "slide.shown", "startMs": 10000, "endMs": 40000, "startFrame": 250, "endFrame": 999,
              "confidence": 0.9, "attributes": {"slideNumber": 2, "revisit": false, "keyframe": "f990"},
              "producer": {"analyzer": "0.1.0", "detector": "slides"}}],
             "nextCursor": "ZjEuNzQ5LjEyMw", "more": false}""";

    private final EventSearchService search;

    public SearchController(EventSearchService search) {
        this.search = search;
    }

    @Operation(summary = "Search events across videos",
            description = "The events of the caller's tenant and of the courses it reaches, in the order they "
                    + "were last written (the feed order), never in a half-written state. Page with the "
                    + "response's nextCursor: paging never skips or repeats an event, however many videos are "
                    + "being analysed meanwhile. nextCursor is always present: when more is false you have "
                    + "caught up, and the same cursor passed later returns only events written (or changed) "
                    + "since; poll with it to follow the feed. An event that is changed after you read it "
                    + "(a fragment chain grows across a segment boundary) comes again with its new content. "
                    + "from/to select events overlapping [from, to] in media milliseconds, as for a video's "
                    + "events.")
    @ApiResponse(responseCode = "200", description = "one page of the feed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FeedPage.class),
                    examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @ApiResponse(responseCode = "400", description = "a filter or the cursor is not valid; the detail names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "cursor", value = """
                            {"type": "about:blank", "title": "Bad Request", "status": 400,
                             "detail": "cursor is not a valid feed cursor; use a nextCursor (or an event id of \
                            the stream) this api returned", "instance": "/api/v1/events"}""")))
    @Get
    public FeedPage events(
            @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal,
            @Parameter(description = "course ids; repeat or separate with commas") @Nullable @QueryValue
            List<String> course,
            @Parameter(description = "a video id") @Nullable @QueryValue @Size(min = 1, max = MAX_VALUE_LENGTH)
            String video,
            @Parameter(description = "event types, such as slide.shown; repeat or separate with commas")
            @Nullable @QueryValue List<String> type,
            @Parameter(description = "events ending at or after this media time (ms)") @Nullable @QueryValue
            @PositiveOrZero Long from,
            @Parameter(description = "events starting at or before this media time (ms)") @Nullable @QueryValue
            @PositiveOrZero Long to,
            @Parameter(description = "only events at least this confident, 0 to 1")
            @Nullable @QueryValue @DecimalMin("0") @DecimalMax("1") Double minConfidence,
            @Parameter(description = "events per page, 1 to 1000")
            @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @Parameter(description = "nextCursor of a previous page") @Nullable @QueryValue String cursor) {
        return search.search(principal, values("course", course), video, values("type", type), from, to,
                minConfidence, limit, cursor == null || cursor.isBlank() ? null : cursor);
    }

    /** A repeatable filter's values, also comma-separated; blank entries dropped. */
    static List<String> values(String parameter, @Nullable List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        var values = raw.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty()).distinct().toList();
        if (values.size() > MAX_VALUES) {
            throw ApiException.badRequest(parameter + ": at most " + MAX_VALUES + " values, got " + values.size());
        }
        for (String v : values) {
            if (v.length() > MAX_VALUE_LENGTH) {
                throw ApiException.badRequest(parameter + ": a value is longer than " + MAX_VALUE_LENGTH
                        + " characters");
            }
        }
        return values;
    }
}
