package io.cuepoint.api.store;

import io.cuepoint.analyzer.wire.Box;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code regions} table: the regions of interest users define per video. */
@Singleton
public final class RegionRepository {
    private static final String COLUMNS = "name, box_left, box_top, box_right, box_bottom, created_at, updated_at";

    /**
     * Creates the region or replaces its box.
     *
     * @return true when it was created, false when it existed
     */
    public boolean upsert(Connection c, String videoId, String name, Box box, Instant at) throws SQLException {
        // xmax is 0 on a row this statement inserted, and set on one it updated.
        try (var ps = c.prepareStatement("INSERT INTO regions (video_id, name, box_left, box_top, box_right, box_bottom, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (video_id, name) DO UPDATE SET "
                + "box_left = EXCLUDED.box_left, box_top = EXCLUDED.box_top, box_right = EXCLUDED.box_right, "
                + "box_bottom = EXCLUDED.box_bottom, updated_at = EXCLUDED.updated_at RETURNING (xmax = 0) AS created")) {
            var utc = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
            ps.setString(1, videoId);
            ps.setString(2, name);
            ps.setDouble(3, box.left());
            ps.setDouble(4, box.top());
            ps.setDouble(5, box.right());
            ps.setDouble(6, box.bottom());
            ps.setObject(7, utc);
            ps.setObject(8, utc);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean("created");
            }
        }
    }

    public Optional<Region> find(Connection c, String videoId, String name) throws SQLException {
        try (var ps = c.prepareStatement("SELECT " + COLUMNS + " FROM regions WHERE video_id = ? AND name = ?")) {
            ps.setString(1, videoId);
            ps.setString(2, name);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The video's regions by name. */
    public List<Region> list(Connection c, String videoId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT " + COLUMNS + " FROM regions WHERE video_id = ? ORDER BY name")) {
            ps.setString(1, videoId);
            try (var rs = ps.executeQuery()) {
                var out = new ArrayList<Region>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return out;
            }
        }
    }

    public int count(Connection c, String videoId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT count(*) FROM regions WHERE video_id = ?")) {
            ps.setString(1, videoId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** @return whether there was such a region */
    public boolean delete(Connection c, String videoId, String name) throws SQLException {
        try (var ps = c.prepareStatement("DELETE FROM regions WHERE video_id = ? AND name = ?")) {
            ps.setString(1, videoId);
            ps.setString(2, name);
            return ps.executeUpdate() > 0;
        }
    }

    private static Region read(ResultSet rs) throws SQLException {
        return new Region(rs.getString("name"), new Box(rs.getDouble("box_left"), rs.getDouble("box_top"),
                rs.getDouble("box_right"), rs.getDouble("box_bottom")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
