package io.cuepoint.api.store;

import io.cuepoint.analyzer.wire.Event;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code events} and {@code fragments} tables. Events are stored as the JSON the api serves (the wire
 * {@link Event} without fragment information, its track the canonical one) plus the columns queries filter and
 * sort on. Fragments are stored as received, with their segment-local track.
 */
@Singleton
public final class EventRepository {
    /** The attributes {@code SlideNumbering} writes into {@code slide.shown} events. */
    private static final List<String> ANNOTATIONS = List.of("slideNumber", "revisit", "keyframe");

    /**
     * Inserts or replaces one served event.
     *
     * @param e          the event as served, its track canonical
     * @param localTrack the segment-local track it was emitted with; null for merged events and untracked ones
     * @param merged     marks a row built from fragments
     */
    public void upsertEvent(Connection c, Event served, @Nullable String localTrack, boolean merged)
            throws SQLException {
        Event e = keepAnnotations(c, served);
        try (var ps = c.prepareStatement("INSERT INTO events (id, video_id, type, start_ms, end_ms, start_frame, end_frame, "
                + "confidence, track, merged, json, local_track) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) "
                + "ON CONFLICT (id) DO UPDATE SET video_id = EXCLUDED.video_id, type = EXCLUDED.type, "
                + "start_ms = EXCLUDED.start_ms, end_ms = EXCLUDED.end_ms, start_frame = EXCLUDED.start_frame, "
                + "end_frame = EXCLUDED.end_frame, confidence = EXCLUDED.confidence, track = EXCLUDED.track, "
                + "merged = EXCLUDED.merged, json = EXCLUDED.json, local_track = EXCLUDED.local_track "
                // A replayed segment writes identical rows: leave them alone, so they keep their feed position
                // (see V6__feed.sql) and are not served to feed readers again.
                + "WHERE (events.video_id, events.type, events.start_ms, events.end_ms, events.start_frame, "
                + "events.end_frame, events.confidence, events.track, events.merged, events.json, events.local_track) "
                + "IS DISTINCT FROM (EXCLUDED.video_id, EXCLUDED.type, EXCLUDED.start_ms, EXCLUDED.end_ms, "
                + "EXCLUDED.start_frame, EXCLUDED.end_frame, EXCLUDED.confidence, EXCLUDED.track, EXCLUDED.merged, "
                + "EXCLUDED.json, EXCLUDED.local_track)")) {
            ps.setString(1, e.id());
            ps.setString(2, e.videoId());
            ps.setString(3, e.type());
            ps.setLong(4, e.startMs());
            ps.setLong(5, e.endMs());
            ps.setLong(6, e.startFrame());
            ps.setLong(7, e.endFrame());
            ps.setDouble(8, e.confidence());
            ps.setString(9, e.track());
            ps.setBoolean(10, merged);
            ps.setString(11, EventJson.write(e.withoutFragment()));
            ps.setString(12, localTrack);
            ps.executeUpdate();
        }
    }

    /**
     * The event with the attributes the api added to its stored row after the analyzer's (the slide numbering)
     * where the event does not carry them: they are recomputed later in the same transaction, and keeping them
     * meanwhile lets a replayed segment leave the row as it was, so it keeps its feed position.
     */
    private static Event keepAnnotations(Connection c, Event e) throws SQLException {
        if (!SlideRepository.SLIDE_SHOWN.equals(e.type())) {
            return e;
        }
        Map<String, Object> stored;
        try (var ps = c.prepareStatement("SELECT json FROM events WHERE id = ?")) {
            ps.setString(1, e.id());
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return e;
                }
                stored = EventJson.read(rs.getString(1)).attributes();
            }
        }
        var attributes = e.attributes() == null ? new LinkedHashMap<String, Object>()
                : new LinkedHashMap<>(e.attributes());
        boolean added = false;
        for (String key : ANNOTATIONS) {
            if (stored != null && stored.containsKey(key) && !attributes.containsKey(key)) {
                attributes.put(key, stored.get(key));
                added = true;
            }
        }
        return !added ? e : new Event(e.schema(), e.id(), e.videoId(), e.type(), e.startMs(), e.endMs(),
                e.startFrame(), e.endFrame(), e.confidence(), e.track(), e.box(), e.keypoints(), attributes,
                e.producer(), e.fragment());
    }

    /** Serves the unmerged events of one local track under a new canonical track. */
    public void retrack(Connection c, String videoId, String localTrack, String canonical) throws SQLException {
        try (var ps = c.prepareStatement("UPDATE events SET track = ?, "
                + "json = jsonb_set(json, '{track}', to_jsonb(?::text)) WHERE video_id = ? AND local_track = ? AND NOT merged")) {
            ps.setString(1, canonical);
            ps.setString(2, canonical);
            ps.setString(3, videoId);
            ps.setString(4, localTrack);
            ps.executeUpdate();
        }
    }

    /** Stores a fragment as received. */
    public void upsertFragment(Connection c, Event e) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO fragments (id, video_id, segment, type, track, open_start, open_end, "
                + "start_ms, end_ms, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (id) DO UPDATE SET "
                + "video_id = EXCLUDED.video_id, segment = EXCLUDED.segment, type = EXCLUDED.type, "
                + "track = EXCLUDED.track, open_start = EXCLUDED.open_start, open_end = EXCLUDED.open_end, "
                + "start_ms = EXCLUDED.start_ms, end_ms = EXCLUDED.end_ms, json = EXCLUDED.json")) {
            ps.setString(1, e.id());
            ps.setString(2, e.videoId());
            ps.setInt(3, e.fragment().segment());
            ps.setString(4, e.type());
            ps.setString(5, e.track());
            ps.setBoolean(6, e.fragment().openStart());
            ps.setBoolean(7, e.fragment().openEnd());
            ps.setLong(8, e.startMs());
            ps.setLong(9, e.endMs());
            ps.setString(10, EventJson.write(e));
            ps.executeUpdate();
        }
    }

    /** Every stored fragment of one (video, type, track), by segment and start. */
    public List<Event> fragments(Connection c, String videoId, String type, @Nullable String track) throws SQLException {
        try (var ps = c.prepareStatement("SELECT json FROM fragments WHERE video_id = ? AND type = ? "
                + "AND track IS NOT DISTINCT FROM ? ORDER BY segment, start_ms, id")) {
            ps.setString(1, videoId);
            ps.setString(2, type);
            ps.setString(3, track);
            return readEvents(ps);
        }
    }

    /** Every stored fragment whose local track is served as {@code canonical}, by segment and start. */
    public List<Event> fragmentsOfTrack(Connection c, String videoId, String canonical) throws SQLException {
        try (var ps = c.prepareStatement("SELECT f.json FROM local_tracks l JOIN fragments f "
                + "ON f.video_id = l.video_id AND f.track = l.track WHERE l.video_id = ? AND l.canonical = ? "
                + "ORDER BY f.segment, f.start_ms, f.id")) {
            ps.setString(1, videoId);
            ps.setString(2, canonical);
            return readEvents(ps);
        }
    }

    /**
     * Serves {@code merged} as the merged events of one canonical track (of every type): upserts them and removes
     * the track's other merged events. Rows that come out as they were stay untouched, keeping their feed position.
     */
    public void replaceMergedOfTrack(Connection c, String videoId, String canonical, List<Event> merged)
            throws SQLException {
        for (Event e : merged) {
            upsertEvent(c, e, null, true);
        }
        try (var ps = c.prepareStatement("DELETE FROM events WHERE video_id = ? AND track = ? AND merged "
                + "AND NOT (id = ANY (?))")) {
            ps.setString(1, videoId);
            ps.setString(2, canonical);
            ps.setArray(3, c.createArrayOf("text", merged.stream().map(Event::id).toArray()));
            ps.executeUpdate();
        }
    }

    /**
     * Serves {@code merged} as the merged events of one (video, type, track): upserts them and removes the other
     * merged events of that key. Rows that come out as they were stay untouched, keeping their feed position.
     */
    public void replaceMerged(Connection c, String videoId, String type, @Nullable String track, List<Event> merged)
            throws SQLException {
        for (Event e : merged) {
            upsertEvent(c, e, null, true);
        }
        try (var ps = c.prepareStatement("DELETE FROM events WHERE video_id = ? AND type = ? "
                + "AND track IS NOT DISTINCT FROM ? AND merged AND NOT (id = ANY (?))")) {
            ps.setString(1, videoId);
            ps.setString(2, type);
            ps.setString(3, track);
            ps.setArray(4, c.createArrayOf("text", merged.stream().map(Event::id).toArray()));
            ps.executeUpdate();
        }
    }

    /** Events matching the query, by (start, id); at most {@code limit} rows. */
    public List<Event> query(Connection c, EventQuery q) throws SQLException {
        try (var ps = prepareQuery(c, "json", q)) {
            return readEvents(ps);
        }
    }

    /**
     * Events matching the query as their stored JSON, as served (without the wire schema field), by (start, id);
     * at most {@code limit} rows. For responses: parsing every stored event and serializing it again took most of
     * the api's CPU time per request in the load benchmark (bench/api-load-benchmark.sh).
     */
    public List<StoredEvent> queryJson(Connection c, EventQuery q) throws SQLException {
        try (var ps = prepareQuery(c, "id, start_ms, json", q)) {
            var result = new ArrayList<StoredEvent>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new StoredEvent(rs.getString(1), rs.getLong(2), ServedJson.withoutSchema(rs.getString(3))));
                }
            }
            return result;
        }
    }

    private static PreparedStatement prepareQuery(Connection c, String columns, EventQuery q) throws SQLException {
        var where = new SqlWhere("SELECT " + columns + " FROM events WHERE video_id = ?", q.videoId())
                .inUnlessEmpty("type", q.types())
                .window("", q.fromMs(), q.toMs(), q.minConfidence());
        if (q.track() != null) {
            where.and("track = ?", q.track());
        }
        if (q.afterStartMs() != null) {
            where.and("(start_ms, id) > (?, ?)", q.afterStartMs(), q.afterId());
        }
        return where.prepare(c, " ORDER BY start_ms, id LIMIT ?", q.limit());
    }

    /** Every event of a video, by type, then start, then id. */
    public List<Event> byType(Connection c, String videoId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT json FROM events WHERE video_id = ? ORDER BY type, start_ms, id")) {
            ps.setString(1, videoId);
            return readEvents(ps);
        }
    }

    /**
     * Every event of a video as its served JSON ({@link #queryJson}), by type, then start, then id; with the columns
     * that summarize tracks, so that the timeline needs to parse none of them.
     */
    public List<TimelineRow> byTypeJson(Connection c, String videoId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT id, type, start_ms, end_ms, start_frame, end_frame, track, "
                + "CASE WHEN track IS NOT NULL AND jsonb_typeof(json #> '{attributes,sampleCount}') = 'number' "
                + "THEN (json #>> '{attributes,sampleCount}')::numeric END, "
                + "CASE WHEN track IS NOT NULL AND jsonb_typeof(json #> '{attributes,label}') = 'string' "
                + "THEN json #>> '{attributes,label}' END, json "
                + "FROM events WHERE video_id = ? ORDER BY type, start_ms, id")) {
            ps.setString(1, videoId);
            var result = new ArrayList<TimelineRow>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal samples = rs.getBigDecimal(8);
                    result.add(new TimelineRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getString(7), samples == null ? null : samples.longValue(),
                            rs.getString(9), ServedJson.withoutSchema(rs.getString(10))));
                }
            }
            return result;
        }
    }

    public long count(Connection c, String videoId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT count(*) FROM events WHERE video_id = ?")) {
            ps.setString(1, videoId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** An event from its stored JSON (the {@code json} column). */
    public static Event readJson(String json) {
        return EventJson.read(json);
    }

    private static List<Event> readEvents(PreparedStatement ps) throws SQLException {
        var result = new ArrayList<Event>();
        try (var rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(EventJson.read(rs.getString(1)));
            }
        }
        return result;
    }
}
