package io.cuepoint.api.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test helpers over the real database: a fresh video row, and everything stored for a video as text. */
public final class StoredVideos {
    /** Every table a video owns, each as JSON in a fixed order, so two snapshots compare as strings. */
    private static final List<String> SNAPSHOT_QUERIES = List.of(
            "SELECT row_to_json(t)::text FROM videos t WHERE id = ?",
            "SELECT coalesce(json_agg(t ORDER BY segment), '[]')::text FROM segments t WHERE video_id = ?",
            "SELECT coalesce(json_agg(t ORDER BY id), '[]')::text FROM fragments t WHERE video_id = ?",
            "SELECT coalesce(json_agg(t ORDER BY id), '[]')::text FROM events t WHERE video_id = ?",
            "SELECT coalesce(json_agg(t ORDER BY track), '[]')::text FROM local_tracks t WHERE video_id = ?",
            "SELECT coalesce(json_agg(t ORDER BY segment, lead_in, type, track, frame), '[]')::text "
                    + "FROM boundary_boxes t WHERE video_id = ?");

    private StoredVideos() {
    }

    /** Inserts a queued video with a fixed creation time and returns its new id. */
    public static String insert(Database db, VideoRepository videos, String filename) {
        String id = UUID.randomUUID().toString();
        db.inTransaction("test", c -> {
            videos.insert(c, id, filename, "/media/" + id + "/" + filename, Instant.parse("2026-01-05T09:59:00Z"));
            return null;
        });
        return id;
    }

    /** Every row the video owns, as JSON text. */
    public static String snapshot(Database db, String videoId) {
        var parts = new ArrayList<String>();
        for (String sql : SNAPSHOT_QUERIES) {
            parts.add(db.read("snapshot", c -> {
                try (var ps = c.prepareStatement(sql)) {
                    ps.setString(1, videoId);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getString(1);
                    }
                }
            }));
        }
        return String.join("\n", parts);
    }
}
