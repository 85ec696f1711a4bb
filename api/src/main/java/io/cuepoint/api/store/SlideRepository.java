package io.cuepoint.api.store;

import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.wire.WireJson;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Slides as stored: the served {@code slide.shown} events (rows of {@code events}) and the keyframe
 * artifacts that go with them (rows of {@code artifacts}), read without the image bytes where these are
 * not needed.
 */
@Singleton
public final class SlideRepository {
    public static final String SLIDE_SHOWN = "slide.shown";

    /**
     * One stored keyframe without its bytes.
     *
     * @param name      its name, {@code f<frame>}
     * @param frame     the frame it shows
     * @param signature the content signature the analyzer wrote, or null
     */
    public record KeyframeRef(String name, long frame, String signature) {
    }

    /** The video's served slide intervals, by start. */
    public List<Event> slides(Connection c, String videoId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT json FROM events WHERE video_id = ? AND type = ? "
                + "ORDER BY start_ms, id")) {
            ps.setString(1, videoId);
            ps.setString(2, SLIDE_SHOWN);
            var out = new ArrayList<Event>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(EventJson.read(rs.getString(1)));
                }
            }
            return out;
        }
    }

    /** The video's keyframes, by frame. */
    public List<KeyframeRef> keyframes(Connection c, String videoId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT name, frame, attributes ->> 'signature' FROM artifacts "
                + "WHERE video_id = ? AND kind = ? ORDER BY frame, name")) {
            ps.setString(1, videoId);
            ps.setString(2, Artifact.KEYFRAME);
            var out = new ArrayList<KeyframeRef>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new KeyframeRef(rs.getString(1), rs.getLong(2), rs.getString(3)));
                }
            }
            return out;
        }
    }

    /** Adds (or overwrites) attributes of one served event, leaving the others as they are. */
    public void annotate(Connection c, String eventId, Map<String, Object> attributes) throws SQLException {
        try (var ps = c.prepareStatement("UPDATE events SET json = jsonb_set(json, '{attributes}', "
                + "CASE WHEN jsonb_typeof(json -> 'attributes') = 'object' THEN json -> 'attributes' "
                + "ELSE '{}'::jsonb END || ?::jsonb) WHERE id = ?")) {
            ps.setString(1, new String(WireJson.write(attributes), StandardCharsets.UTF_8));
            ps.setString(2, eventId);
            ps.executeUpdate();
        }
    }
}
