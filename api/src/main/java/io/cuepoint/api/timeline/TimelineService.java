package io.cuepoint.api.timeline;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.api.ApiException;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.EventQuery;
import io.cuepoint.api.store.EventRepository;
import io.cuepoint.api.store.StoredEvent;
import io.cuepoint.api.store.TimelineRow;
import io.cuepoint.api.store.Video;
import io.cuepoint.api.store.VideoRepository;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads videos, timelines and events as the api serves them. Usable without HTTP (the command line and the
 * all-in-one mode read timelines through it). Blocking: call it off the event loop.
 */
@Singleton
public final class TimelineService {
    private final Database db;
    private final VideoRepository videos;
    private final EventRepository events;

    public TimelineService(Database db, VideoRepository videos, EventRepository events) {
        this.db = db;
        this.videos = videos;
        this.events = events;
    }

    /** @throws ApiException 404 when there is no such video */
    public VideoResource video(String id) {
        return db.read("reading a video", c -> resource(c, find(c, id)));
    }

    /** The videos {@code principal} sees (its tenant, the courses it reaches), newest first. */
    public Page<VideoResource> videos(Principal principal, int limit, @Nullable String cursor) {
        Instant afterCreated = null;
        String afterId = null;
        if (cursor != null) {
            String[] key = Cursors.decode(cursor);
            try {
                afterCreated = Instant.parse(key[0]);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("invalid cursor; use the nextCursor of a previous page");
            }
            afterId = key[1];
        }
        Instant created = afterCreated;
        String id = afterId;
        return db.read("listing videos", c -> {
            List<Video> rows = videos.page(c, principal.tenantId(), principal.courses(), limit + 1, created, id);
            var items = new ArrayList<VideoResource>();
            for (Video v : rows.subList(0, Math.min(limit, rows.size()))) {
                items.add(resource(c, v));
            }
            Video last = rows.size() > limit ? rows.get(limit - 1) : null;
            return new Page<>(items, last == null ? null : Cursors.encode(last.createdAt().toString(), last.id()));
        });
    }

    /**
     * The video with every event, grouped by type (types in name order), each group by start time, and the
     * tracked persons, faces and objects.
     */
    public Timeline timeline(String id) {
        return db.read("reading a timeline", c -> {
            VideoResource video = resource(c, find(c, id));
            var all = new ArrayList<EventResource>();
            var tracks = new LinkedHashMap<String, List<EventResource>>();
            for (Event e : events.byType(c, id)) {
                EventResource resource = EventResource.of(e);
                all.add(resource);
                tracks.computeIfAbsent(e.type(), t -> new ArrayList<>()).add(resource);
            }
            return new Timeline(video, tracks.entrySet().stream()
                    .map(t -> new Timeline.Track(t.getKey(), t.getValue())).toList(), TrackResource.of(all));
        });
    }

    /** The same document as {@link #timeline}, each event as its stored JSON: for responses. */
    public TimelineJson timelineJson(String id) {
        return db.read("reading a timeline", c -> {
            VideoResource video = resource(c, find(c, id));
            var tracked = new ArrayList<EventResource>();
            var tracks = new LinkedHashMap<String, List<EventJsonResource>>();
            for (TimelineRow row : events.byTypeJson(c, id)) {
                tracks.computeIfAbsent(row.type(), t -> new ArrayList<>()).add(new EventJsonResource(row.json()));
                if (row.track() != null) {
                    // Only what TrackResource summarizes: times, frames, type and the two attributes it reads.
                    var attributes = new HashMap<String, Object>();
                    if (row.sampleCount() != null) {
                        attributes.put("sampleCount", row.sampleCount());
                    }
                    if (row.label() != null) {
                        attributes.put("label", row.label());
                    }
                    tracked.add(new EventResource(row.id(), id, row.type(), row.startMs(), row.endMs(),
                            row.startFrame(), row.endFrame(), 0, row.track(), null, null, attributes, null));
                }
            }
            return new TimelineJson(video, tracks.entrySet().stream()
                    .map(t -> new TimelineJson.Track(t.getKey(), t.getValue())).toList(), TrackResource.of(tracked));
        });
    }

    /**
     * Events of one video by (start, id).
     *
     * @param types   types to include; empty for all
     * @param track   only the events of this canonical track; null for all
     * @param fromMs  events ending at or after
     * @param toMs    events starting at or before
     */
    public Page<EventResource> events(String videoId, List<String> types, @Nullable String track, @Nullable Long fromMs,
                                      @Nullable Long toMs, @Nullable Double minConfidence, int limit,
                                      @Nullable String cursor) {
        var query = eventQuery(videoId, types, track, fromMs, toMs, minConfidence, limit, cursor);
        return db.read("querying events", c -> {
            find(c, videoId);
            List<Event> rows = events.query(c, query);
            List<EventResource> items = rows.subList(0, Math.min(limit, rows.size())).stream()
                    .map(EventResource::of).toList();
            Event last = rows.size() > limit ? rows.get(limit - 1) : null;
            return new Page<>(items, last == null ? null : Cursors.encode(Long.toString(last.startMs()), last.id()));
        });
    }

    /** The same page as {@link #events}, each event as its stored JSON: for responses, which need no parsing. */
    public Page<EventJsonResource> eventsJson(String videoId, List<String> types, @Nullable String track,
                                              @Nullable Long fromMs, @Nullable Long toMs,
                                              @Nullable Double minConfidence, int limit, @Nullable String cursor) {
        var query = eventQuery(videoId, types, track, fromMs, toMs, minConfidence, limit, cursor);
        return db.read("querying events", c -> {
            find(c, videoId);
            List<StoredEvent> rows = events.queryJson(c, query);
            List<EventJsonResource> items = rows.subList(0, Math.min(limit, rows.size())).stream()
                    .map(e -> new EventJsonResource(e.json())).toList();
            StoredEvent last = rows.size() > limit ? rows.get(limit - 1) : null;
            return new Page<>(items, last == null ? null : Cursors.encode(Long.toString(last.startMs()), last.id()));
        });
    }

    /** One more row than the page holds, to tell whether another page follows. */
    private static EventQuery eventQuery(String videoId, List<String> types, @Nullable String track,
                                         @Nullable Long fromMs, @Nullable Long toMs, @Nullable Double minConfidence,
                                         int limit, @Nullable String cursor) {
        Long afterStart = null;
        String afterId = null;
        if (cursor != null) {
            String[] key = Cursors.decode(cursor);
            try {
                afterStart = Long.parseLong(key[0]);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("invalid cursor; use the nextCursor of a previous page");
            }
            afterId = key[1];
        }
        return new EventQuery(videoId, types, track, fromMs, toMs, minConfidence, afterStart, afterId, limit + 1);
    }

    private Video find(Connection c, String id) throws SQLException {
        return videos.find(c, id).orElseThrow(() -> ApiException.notFound("no video " + id));
    }

    private VideoResource resource(Connection c, Video v) throws SQLException {
        return VideoResource.of(v, events.count(c, v.id()));
    }
}
