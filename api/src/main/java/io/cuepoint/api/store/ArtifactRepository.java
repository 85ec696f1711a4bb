package io.cuepoint.api.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.ingest.wire.WireJson;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code artifacts} table: keyframes and motion grids sent with a segment's events.
 */
@Singleton
public final class ArtifactRepository {
    private static final String COLUMNS = "segment, kind, name, content_type, frame, start_ms, end_ms, attributes, data";
    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() { };

    /** Replaces every artifact one segment sent before with the ones it sends now (a replay). */
    public void replaceSegment(Connection c, String videoId, int segment, Collection<Artifact> artifacts)
            throws SQLException {
        try (var ps = c.prepareStatement("DELETE FROM artifacts WHERE video_id = ? AND segment = ?")) {
            ps.setString(1, videoId);
            ps.setInt(2, segment);
            ps.executeUpdate();
        }
        if (artifacts.isEmpty()) {
            return;
        }
        // A name is unique per video and kind; should another segment have sent the same one, the newest wins.
        try (var ps = c.prepareStatement("INSERT INTO artifacts (video_id, " + COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (video_id, kind, name) DO UPDATE SET "
                + "segment = EXCLUDED.segment, content_type = EXCLUDED.content_type, frame = EXCLUDED.frame, "
                + "start_ms = EXCLUDED.start_ms, end_ms = EXCLUDED.end_ms, attributes = EXCLUDED.attributes, "
                + "data = EXCLUDED.data")) {
            for (Artifact a : artifacts) {
                ps.setString(1, videoId);
                ps.setInt(2, segment);
                ps.setString(3, a.kind());
                ps.setString(4, a.name());
                ps.setString(5, a.contentType());
                ps.setLong(6, a.frame());
                ps.setLong(7, a.startMs());
                ps.setLong(8, a.endMs());
                ps.setString(9, new String(WireJson.write(a.attributes()), java.nio.charset.StandardCharsets.UTF_8));
                ps.setBytes(10, a.data());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** One artifact by kind and name. */
    public Optional<StoredArtifact> find(Connection c, String videoId, String kind, String name) throws SQLException {
        try (var ps = c.prepareStatement("SELECT " + COLUMNS + " FROM artifacts WHERE video_id = ? AND kind = ? "
                + "AND name = ?")) {
            ps.setString(1, videoId);
            ps.setString(2, kind);
            ps.setString(3, name);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The artifacts of one kind that overlap {@code [fromMs, toMs)}, in time order; with their bytes. */
    public List<StoredArtifact> list(Connection c, String videoId, String kind, long fromMs, long toMs)
            throws SQLException {
        try (var ps = c.prepareStatement("SELECT " + COLUMNS + " FROM artifacts WHERE video_id = ? AND kind = ? "
                + "AND start_ms < ? AND end_ms >= ? ORDER BY start_ms, frame, name")) {
            ps.setString(1, videoId);
            ps.setString(2, kind);
            ps.setLong(3, toMs);
            ps.setLong(4, fromMs);
            try (var rs = ps.executeQuery()) {
                var out = new ArrayList<StoredArtifact>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return out;
            }
        }
    }

    private static StoredArtifact read(ResultSet rs) throws SQLException {
        Map<String, Object> attributes;
        try {
            attributes = WireJson.mapper().readValue(rs.getString("attributes"), ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException("stored artifact attributes are not JSON", e);
        }
        return new StoredArtifact(rs.getInt("segment"), new Artifact(rs.getString("kind"), rs.getString("name"),
                rs.getString("content_type"), rs.getLong("frame"), rs.getLong("start_ms"), rs.getLong("end_ms"),
                attributes, rs.getBytes("data")));
    }
}
