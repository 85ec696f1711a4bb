package io.cuepoint.api.search;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Set;

/**
 * A cross-video event search, already bounded to what the caller may see.
 *
 * @param tenantId       only this tenant's events
 * @param visibleCourses only these courses' events; null for every course of the tenant
 * @param courses        courses asked for; empty for all (that are visible)
 * @param videoId        only this video's events; null for all
 * @param types          event types asked for; empty for all
 * @param fromMs         events that end at or after this media time
 * @param toMs           events that start at or before this media time
 * @param minConfidence  events at least this confident
 * @param after          feed position to continue after
 * @param limit          most rows to return
 */
public record FeedQuery(String tenantId, @Nullable Set<String> visibleCourses, List<String> courses,
                        @Nullable String videoId, List<String> types, @Nullable Long fromMs, @Nullable Long toMs,
                        @Nullable Double minConfidence, FeedCursor after, int limit) {
    public FeedQuery {
        visibleCourses = visibleCourses == null ? null : Set.copyOf(visibleCourses);
        courses = List.copyOf(courses);
        types = List.copyOf(types);
    }
}
