package io.cuepoint.api.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cuepoint.api.timeline.EventResource;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * One page of the event feed.
 *
 * @param items      events in feed order (the order they were last written)
 * @param nextCursor always present: pass it as {@code cursor} for the next page or, once {@code more} is false,
 *                   to poll for events written since
 * @param more       whether the page is full: more events may follow right away
 */
@Schema(name = "EventFeedPage")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FeedPage(List<EventResource> items, String nextCursor, boolean more) {
}
