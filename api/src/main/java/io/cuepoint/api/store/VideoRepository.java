package io.cuepoint.api.store;

import io.cuepoint.api.access.Principal;
import io.cuepoint.ingest.wire.MediaInfo;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The {@code videos} and {@code segments} tables. Every update the materializer makes is idempotent: it sets
 * values from the record (or keeps the larger of old and new), and {@code updated_at} moves only to a later
 * record timestamp, so applying a record twice leaves the row as it was.
 */
@Singleton
public final class VideoRepository {
    private static final String COLUMNS = "id, filename, source_path, status, error, decode_fraction, segment_ms, "
            + "segments_expected, segments_done, frames, corrupt_frames, duration_ms, frame_rate, width, height, "
            + "rotation, container_format, video_codec, audio_codec, has_audio, size_bytes, created_at, updated_at, "
            + "completed_at, tenant_id, course_id";

    /** Records a video of the default tenant's default course. */
    public void insert(Connection c, String id, String filename, String sourcePath, Instant at) throws SQLException {
        insert(c, id, Principal.DEFAULT_TENANT, Principal.DEFAULT_COURSE, filename, sourcePath, at);
    }

    public void insert(Connection c, String id, String tenantId, String courseId, String filename, String sourcePath,
                       Instant at) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO videos (id, tenant_id, course_id, filename, source_path, status, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'QUEUED', ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, tenantId);
            ps.setString(3, courseId);
            ps.setString(4, filename);
            ps.setString(5, sourcePath);
            ps.setObject(6, utc(at));
            ps.setObject(7, utc(at));
            ps.executeUpdate();
        }
    }

    public Optional<Video> find(Connection c, String id) throws SQLException {
        try (var ps = c.prepareStatement("SELECT " + COLUMNS + " FROM videos WHERE id = ?")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** Locks the row for the rest of the transaction, so a concurrent delete waits; false when it is gone. */
    public boolean lock(Connection c, String id) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM videos WHERE id = ? FOR UPDATE")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * A tenant's videos, newest first, only of {@code courses} (null: every course of the tenant); {@code after}
     * the (created_at, id) of the last row of the previous page.
     */
    public List<Video> page(Connection c, String tenantId, @Nullable Collection<String> courses, int limit,
                            @Nullable Instant afterCreated, @Nullable String afterId) throws SQLException {
        var where = new SqlWhere("SELECT " + COLUMNS + " FROM videos WHERE tenant_id = ?", tenantId);
        if (courses != null) {
            where.in("course_id", List.copyOf(courses));
        }
        if (afterCreated != null) {
            where.and("(created_at, id) < (?, ?)", utc(afterCreated), afterId);
        }
        try (var ps = where.prepare(c, " ORDER BY created_at DESC, id DESC LIMIT ?", limit)) {
            var result = new ArrayList<Video>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(map(rs));
                }
            }
            return result;
        }
    }

    public boolean delete(Connection c, String id) throws SQLException {
        try (var ps = c.prepareStatement("DELETE FROM videos WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() > 0;
        }
    }

    public void markFailed(Connection c, String id, String error, @Nullable Instant at) throws SQLException {
        update(c, "status = 'FAILED', error = ?", id, at, ps -> ps.setString(1, error), 1);
    }

    /** Decoding started: the media metadata is known. A video already further along keeps its status. */
    public void decodeStarted(Connection c, String id, @Nullable MediaInfo m, long segmentMs, @Nullable Instant at)
            throws SQLException {
        update(c, "status = CASE WHEN status = 'QUEUED' THEN 'DECODING' ELSE status END, segment_ms = ?, "
                + "duration_ms = ?, frame_rate = ?, width = ?, height = ?, rotation = ?, container_format = ?, "
                + "video_codec = ?, audio_codec = ?, has_audio = ?, audio_sample_rate = ?, audio_channels = ?, "
                + "size_bytes = ?", id, at, ps -> {
                    ps.setLong(1, segmentMs);
                    if (m == null) {
                        for (int i = 2; i <= 13; i++) {
                            ps.setNull(i, Types.NULL);
                        }
                        return;
                    }
                    ps.setLong(2, m.durationMs());
                    ps.setDouble(3, m.frameRate());
                    ps.setInt(4, m.width());
                    ps.setInt(5, m.height());
                    ps.setInt(6, m.rotation());
                    ps.setString(7, m.format());
                    ps.setString(8, m.videoCodec());
                    ps.setString(9, m.audioCodec());
                    ps.setBoolean(10, m.hasAudio());
                    ps.setInt(11, m.audioSampleRate());
                    ps.setInt(12, m.audioChannels());
                    ps.setLong(13, m.sizeBytes());
                }, 13);
    }

    /** Progress never moves backwards, so a late or replayed record cannot undo a newer one. */
    public void decodeProgress(Connection c, String id, double fraction, long frames, int corrupt, @Nullable Instant at)
            throws SQLException {
        update(c, "status = CASE WHEN status = 'QUEUED' THEN 'DECODING' ELSE status END, "
                + "decode_fraction = GREATEST(decode_fraction, ?), frames = GREATEST(frames, ?), "
                + "corrupt_frames = GREATEST(corrupt_frames, ?)", id, at, ps -> {
                    ps.setDouble(1, fraction);
                    ps.setLong(2, frames);
                    ps.setInt(3, corrupt);
                }, 3);
    }

    public void decodeCompleted(Connection c, String id, int segments, long segmentMs, long frames, int corrupt,
                                @Nullable Instant at) throws SQLException {
        update(c, "decode_fraction = 1, segments_expected = ?, segment_ms = ?, frames = ?, corrupt_frames = ?", id, at,
                ps -> {
                    ps.setInt(1, segments);
                    ps.setLong(2, segmentMs);
                    ps.setLong(3, frames);
                    ps.setInt(4, corrupt);
                }, 4);
    }

    /** Records one analysed segment and recounts the video's done segments. */
    public void upsertSegment(Connection c, String videoId, int segment, int frames, int eventCount,
                              @Nullable String error, @Nullable String analyzer, @Nullable Instant doneAt)
            throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO segments (video_id, segment, frames, event_count, error, analyzer, "
                + "done_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (video_id, segment) DO UPDATE SET "
                + "frames = EXCLUDED.frames, event_count = EXCLUDED.event_count, error = EXCLUDED.error, "
                + "analyzer = EXCLUDED.analyzer, done_at = EXCLUDED.done_at")) {
            ps.setString(1, videoId);
            ps.setInt(2, segment);
            ps.setInt(3, frames);
            ps.setInt(4, eventCount);
            ps.setString(5, error);
            ps.setString(6, analyzer);
            ps.setObject(7, utc(doneAt));
            ps.executeUpdate();
        }
        update(c, "segments_done = (SELECT count(*) FROM segments s WHERE s.video_id = videos.id)", videoId, doneAt,
                ps -> { }, 0);
    }

    /**
     * Derives the status from what is known, whatever order the records came in: COMPLETED once every expected
     * segment is done, else ANALYZING once any is. FAILED stays FAILED. The completion time is the latest time
     * of the records seen (updated_at), not the time of the record that happened to arrive last, so it too is
     * the same whatever the arrival order.
     */
    public void refreshStatus(Connection c, String id, @Nullable Instant at) throws SQLException {
        try (var ps = c.prepareStatement("UPDATE videos SET "
                + "completed_at = CASE WHEN status <> 'FAILED' AND segments_expected IS NOT NULL "
                + "  AND segments_done >= segments_expected THEN COALESCE(completed_at, GREATEST(updated_at, ?)) ELSE completed_at END, "
                + "status = CASE WHEN status = 'FAILED' THEN 'FAILED' "
                + "  WHEN segments_expected IS NOT NULL AND segments_done >= segments_expected THEN 'COMPLETED' "
                + "  WHEN segments_done > 0 THEN 'ANALYZING' ELSE status END "
                + "WHERE id = ?")) {
            ps.setObject(1, utc(at));
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static void update(Connection c, String set, String id, @Nullable Instant at, Binder binder, int params)
            throws SQLException {
        try (var ps = c.prepareStatement("UPDATE videos SET " + set
                + ", updated_at = GREATEST(updated_at, COALESCE(?, updated_at)) WHERE id = ?")) {
            binder.bind(ps);
            ps.setObject(params + 1, utc(at));
            ps.setString(params + 2, id);
            ps.executeUpdate();
        }
    }

    private static Video map(ResultSet rs) throws SQLException {
        return new Video(rs.getString("id"), rs.getString("filename"), rs.getString("source_path"),
                VideoStatus.valueOf(rs.getString("status")), rs.getString("error"), rs.getDouble("decode_fraction"),
                rs.getObject("segment_ms", Long.class), rs.getObject("segments_expected", Integer.class),
                rs.getInt("segments_done"), rs.getLong("frames"), rs.getInt("corrupt_frames"),
                rs.getObject("video_codec") != null || rs.getObject("duration_ms") != null,
                rs.getObject("duration_ms", Long.class), rs.getObject("frame_rate", Double.class),
                rs.getObject("width", Integer.class), rs.getObject("height", Integer.class),
                rs.getObject("rotation", Integer.class), rs.getString("container_format"),
                rs.getString("video_codec"), rs.getString("audio_codec"), rs.getObject("has_audio", Boolean.class),
                rs.getObject("size_bytes", Long.class), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "completed_at"), rs.getString("tenant_id"), rs.getString("course_id"));
    }

    static OffsetDateTime utc(@Nullable Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
