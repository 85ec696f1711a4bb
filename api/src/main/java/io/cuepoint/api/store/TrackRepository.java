package io.cuepoint.api.store;

import io.cuepoint.analyzer.wire.Box;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The {@code local_tracks} and {@code boundary_boxes} tables: what the materializer needs to join segment-local
 * tracks across segment boundaries whatever order the segments arrive in.
 */
@Singleton
public final class TrackRepository {

    /**
     * Records the tracks one segment named. A new track starts as its own canonical track; a known one keeps its
     * canonical id until the next join. The segment kept is the least seen, so an id that (against the contract)
     * recurs in several segments still sorts the same whatever the arrival order.
     */
    public void upsertTracks(Connection c, String videoId, int segment, Collection<String> tracks) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO local_tracks (video_id, track, segment, canonical) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (video_id, track) DO UPDATE "
                + "SET segment = LEAST(local_tracks.segment, EXCLUDED.segment)")) {
            for (String track : tracks) {
                ps.setString(1, videoId);
                ps.setString(2, track);
                ps.setInt(3, segment);
                ps.setString(4, track);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Replaces the boundary boxes of one segment: a replayed segment brings its own again.
     *
     * @return whether the segment had boundary boxes before
     */
    public boolean replaceBoundary(Connection c, String videoId, int segment, Collection<BoundaryBox> boxes)
            throws SQLException {
        boolean had;
        try (var ps = c.prepareStatement("DELETE FROM boundary_boxes WHERE video_id = ? AND segment = ?")) {
            ps.setString(1, videoId);
            ps.setInt(2, segment);
            had = ps.executeUpdate() > 0;
        }
        if (boxes.isEmpty()) {
            return had;
        }
        try (var ps = c.prepareStatement("INSERT INTO boundary_boxes (video_id, segment, lead_in, type, track, frame, "
                + "box_left, box_top, box_right, box_bottom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING")) {
            for (BoundaryBox b : boxes) {
                ps.setString(1, videoId);
                ps.setInt(2, b.segment());
                ps.setBoolean(3, b.leadIn());
                ps.setString(4, b.type());
                ps.setString(5, b.track());
                ps.setLong(6, b.frame());
                ps.setDouble(7, b.box().left());
                ps.setDouble(8, b.box().top());
                ps.setDouble(9, b.box().right());
                ps.setDouble(10, b.box().bottom());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return had;
    }

    /** Every boundary box of a video. */
    public List<BoundaryBox> boundaryBoxes(Connection c, String videoId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT segment, lead_in, type, track, frame, box_left, box_top, box_right, "
                + "box_bottom FROM boundary_boxes WHERE video_id = ? ORDER BY segment, lead_in, type, track, frame")) {
            ps.setString(1, videoId);
            var result = new ArrayList<BoundaryBox>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    var box = new Box(rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9));
                    result.add(new BoundaryBox(rs.getInt(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), box));
                }
            }
            return result;
        }
    }

    /** Every local track of a video, by segment and id. */
    public List<LocalTrack> tracks(Connection c, String videoId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT track, segment, canonical FROM local_tracks WHERE video_id = ? "
                + "ORDER BY segment, track")) {
            ps.setString(1, videoId);
            var result = new ArrayList<LocalTrack>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new LocalTrack(rs.getString(1), rs.getInt(2), rs.getString(3)));
                }
            }
            return result;
        }
    }

    public void setCanonical(Connection c, String videoId, String track, String canonical) throws SQLException {
        try (var ps = c.prepareStatement("UPDATE local_tracks SET canonical = ? WHERE video_id = ? AND track = ?")) {
            ps.setString(1, canonical);
            ps.setString(2, videoId);
            ps.setString(3, track);
            ps.executeUpdate();
        }
    }
}
