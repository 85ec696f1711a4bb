package io.cuepoint.api.store;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A filter over one video's events.
 *
 * @param types         event types to include; empty for all
 * @param track         include only the events of this canonical track; null for all
 * @param fromMs        include events that end at or after this media time
 * @param toMs          include events that start at or before this media time
 * @param minConfidence include events at least this confident
 * @param afterStartMs  keyset cursor: start of the last event of the previous page
 * @param afterId       keyset cursor: id of the last event of the previous page
 * @param limit         most rows to return
 */
public record EventQuery(String videoId, List<String> types, @Nullable String track, @Nullable Long fromMs,
                         @Nullable Long toMs, @Nullable Double minConfidence, @Nullable Long afterStartMs,
                         @Nullable String afterId, int limit) {
    public EventQuery {
        types = types == null ? List.of() : List.copyOf(types);
    }
}
