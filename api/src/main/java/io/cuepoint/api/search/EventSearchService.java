package io.cuepoint.api.search;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.timeline.EventResource;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Cross-video event search over the feed ({@link FeedRepository}): a principal reads its tenant's events of the
 * courses it reaches, in feed order, page by page, without skips or repeats however many writers are busy.
 * Blocking: call it off the event loop.
 */
@Singleton
public final class EventSearchService {
    private final Database db;
    private final FeedRepository feed;

    public EventSearchService(Database db, FeedRepository feed) {
        this.db = db;
        this.feed = feed;
    }

    /**
     * @param cursor a previous page's nextCursor; null to start at the beginning of the feed
     * @throws ApiException 400 for a cursor this api did not make or an empty time window
     */
    public FeedPage search(Principal principal, List<String> courses, @Nullable String videoId, List<String> types,
                           @Nullable Long fromMs, @Nullable Long toMs, @Nullable Double minConfidence, int limit,
                           @Nullable String cursor) {
        if (fromMs != null && toMs != null && fromMs > toMs) {
            throw ApiException.badRequest("from (" + fromMs + ") must not be after to (" + toMs + ")");
        }
        FeedCursor after = cursor == null ? FeedCursor.START : FeedCursor.decode(cursor, "cursor");
        var query = new FeedQuery(principal.tenantId(), principal.courses(), courses, videoId, types, fromMs, toMs,
                minConfidence, after, limit);
        List<FeedEvent> rows = db.read("searching events", c -> feed.search(c, query));
        FeedCursor next = rows.isEmpty() ? after : rows.get(rows.size() - 1).position();
        return new FeedPage(rows.stream().map(r -> EventResource.of(r.event())).toList(), next.encode(),
                rows.size() == limit);
    }
}
