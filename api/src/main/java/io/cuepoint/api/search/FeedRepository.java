package io.cuepoint.api.search;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.api.store.EventRepository;
import io.cuepoint.api.store.SqlWhere;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the event feed: events in the order of their feed position {@code (tx, seq)}, only those written by
 * transactions below the horizon {@code pg_snapshot_xmin(pg_current_snapshot())} (every transaction below it
 * has ended, so nothing can still commit behind a position once served). See {@code V6__feed.sql}.
 */
@Singleton
public final class FeedRepository {
    /** The feed horizon of the statement's snapshot. */
    static final String HORIZON = "pg_snapshot_xmin(pg_current_snapshot())";
    private static final String COLUMNS = "e.tx::text, e.seq, e.json";

    /** Events matching the query after its position, in feed order; at most {@code q.limit()} rows. */
    public List<FeedEvent> search(Connection c, FeedQuery q) throws SQLException {
        var where = new SqlWhere("SELECT " + COLUMNS + " FROM events e WHERE e.tenant_id = ?", q.tenantId());
        if (q.visibleCourses() != null) {
            where.in("e.course_id", List.copyOf(q.visibleCourses()));
        }
        where.inUnlessEmpty("e.course_id", q.courses()).inUnlessEmpty("e.type", q.types())
                .window("e.", q.fromMs(), q.toMs(), q.minConfidence());
        if (q.videoId() != null) {
            where.and("e.video_id = ?", q.videoId());
        }
        try (var ps = where.prepare(c, " AND (e.tx, e.seq) > (?::xid8, ?) AND e.tx < " + HORIZON
                + " ORDER BY e.tx, e.seq LIMIT ?", Long.toString(q.after().tx()), q.after().seq(), q.limit())) {
            return read(ps);
        }
    }

    /** One video's events after {@code after}, in feed order; at most {@code limit} rows. */
    public List<FeedEvent> ofVideo(Connection c, String videoId, FeedCursor after, int limit) throws SQLException {
        try (var ps = c.prepareStatement("SELECT " + COLUMNS + " FROM events e WHERE e.video_id = ? "
                + "AND (e.tx, e.seq) > (?::xid8, ?) AND e.tx < " + HORIZON + " ORDER BY e.tx, e.seq LIMIT ?")) {
            ps.setString(1, videoId);
            ps.setString(2, Long.toString(after.tx()));
            ps.setLong(3, after.seq());
            ps.setInt(4, limit);
            return read(ps);
        }
    }

    /** Whether the video has events written by transactions at or above the horizon (not servable yet). */
    public boolean pendingOfVideo(Connection c, String videoId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM events e WHERE e.video_id = ? "
                + "AND e.tx >= " + HORIZON + ")")) {
            ps.setString(1, videoId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static List<FeedEvent> read(PreparedStatement ps) throws SQLException {
        var out = new ArrayList<FeedEvent>();
        try (var rs = ps.executeQuery()) {
            while (rs.next()) {
                Event e = EventRepository.readJson(rs.getString(3));
                out.add(new FeedEvent(new FeedCursor(Long.parseLong(rs.getString(1)), rs.getLong(2)), e));
            }
        }
        return out;
    }
}
