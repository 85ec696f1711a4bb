package io.cuepoint.api.motion;

import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.analyzer.wire.Box;
import io.cuepoint.api.ApiException;
import io.cuepoint.api.store.ArtifactRepository;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.EventQuery;
import io.cuepoint.api.store.EventRepository;
import io.cuepoint.api.store.Region;
import io.cuepoint.api.store.RegionRepository;
import io.cuepoint.api.store.Video;
import io.cuepoint.api.store.VideoRepository;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Heatmaps per shot and the regions of interest of a video, all read from the stored motion grids when asked:
 * a region defined before or after the analysis measures the same, and changing it needs no new analysis.
 * Blocking: call it off the event loop.
 */
@Singleton
public final class MotionService {
    /** Region names: safe in a URL path without escaping. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Regions per video: enough for any scene, few enough that a list stays small. */
    public static final int MAX_REGIONS = 100;
    private static final int NO_LIMIT = Integer.MAX_VALUE;

    private final Database db;
    private final VideoRepository videos;
    private final EventRepository events;
    private final ArtifactRepository artifacts;
    private final RegionRepository regions;
    private final Clock clock = Clock.systemUTC();

    public MotionService(Database db, VideoRepository videos, EventRepository events, ArtifactRepository artifacts,
                         RegionRepository regions) {
        this.db = db;
        this.videos = videos;
        this.events = events;
        this.artifacts = artifacts;
        this.regions = regions;
    }

    /** One heatmap per shot, in time order. @throws ApiException 404 when there is no such video */
    public List<Heatmap> heatmaps(String videoId) {
        return db.read("reading heatmaps", c -> {
            Video video = find(c, videoId);
            MotionGrids grids = grids(c, videoId);
            long end = Math.max(grids.endMs(), video.durationMs() == null ? 0 : video.durationMs());
            var boundaries = events.query(c, new EventQuery(videoId, List.of(ShotSpans.CUT, ShotSpans.TRANSITION),
                    null, null, null, null, null, null, NO_LIMIT));
            return ShotSpans.of(boundaries, 0, end).stream().map(s -> Heatmap.of(s, grids.samples())).toList();
        });
    }

    /** One shot's heatmap as a PNG. @throws ApiException 404 for an unknown video or shot, or a shot without grid */
    public byte[] heatmapPng(String videoId, int shot, int scale) {
        if (scale < 1 || scale > 64) {
            throw ApiException.badRequest("scale must be 1 to 64 pixels per cell");
        }
        var all = heatmaps(videoId);
        if (shot < 0 || shot >= all.size()) {
            throw ApiException.notFound("video " + videoId + " has no shot " + shot + " (it has " + all.size() + ")");
        }
        Heatmap heatmap = all.get(shot);
        if (heatmap.samples() == 0) {
            throw ApiException.notFound("shot " + shot + " of video " + videoId + " has no motion grid yet "
                    + "(not analysed, or the motion detector is off)");
        }
        return HeatmapPng.render(heatmap, scale);
    }

    public List<Region> regions(String videoId) {
        return db.read("listing regions", c -> {
            find(c, videoId);
            return regions.list(c, videoId);
        });
    }

    /**
     * Creates or replaces a region.
     *
     * @return the region and whether it was created
     * @throws ApiException 400 for a bad name or box, 404 for an unknown video, 409 past {@link #MAX_REGIONS}
     */
    public Saved define(String videoId, String name, Box box) {
        checkName(name);
        checkBox(box);
        return db.inTransaction("defining a region", c -> {
            if (!videos.lock(c, videoId)) {
                throw ApiException.notFound("no video " + videoId);
            }
            if (regions.find(c, videoId, name).isEmpty() && regions.count(c, videoId) >= MAX_REGIONS) {
                throw new ApiException(HttpStatus.CONFLICT, "video " + videoId + " already has " + MAX_REGIONS
                        + " regions; delete one first");
            }
            boolean created = regions.upsert(c, videoId, name, box, clock.instant());
            return new Saved(regions.find(c, videoId, name).orElseThrow(), created);
        });
    }

    /** What {@link #define} stored. */
    public record Saved(Region region, boolean created) {
    }

    /** @throws ApiException 404 for an unknown video or region */
    public void delete(String videoId, String name) {
        db.inTransaction("deleting a region", c -> {
            find(c, videoId);
            if (!regions.delete(c, videoId, name)) {
                throw ApiException.notFound("video " + videoId + " has no region " + name);
            }
            return null;
        });
    }

    /** The motion inside a region. @throws ApiException 404 for an unknown video or region */
    public RegionMotion motion(String videoId, String name, RegionActivity.Thresholds thresholds) {
        return db.read("measuring a region", c -> {
            find(c, videoId);
            Region region = regions.find(c, videoId, name)
                    .orElseThrow(() -> ApiException.notFound("video " + videoId + " has no region " + name));
            return RegionActivity.measure(region.name(), region.box(), grids(c, videoId), thresholds);
        });
    }

    private MotionGrids grids(Connection c, String videoId) throws SQLException {
        try {
            return MotionGrids.of(artifacts.list(c, videoId, Artifact.MOTION_GRID, Long.MIN_VALUE, Long.MAX_VALUE));
        } catch (IllegalStateException e) {
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "a stored motion grid of video " + videoId
                    + " is damaged", e);
        }
    }

    private Video find(Connection c, String id) throws SQLException {
        return videos.find(c, id).orElseThrow(() -> ApiException.notFound("no video " + id));
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.badRequest("region name must be 1 to 64 letters, digits, - or _");
        }
    }

    private static void checkBox(Box box) {
        if (box == null) {
            throw ApiException.badRequest("body must be {\"box\": {\"left\", \"top\", \"right\", \"bottom\"}}");
        }
        if (!(box.left() >= 0 && box.left() < box.right() && box.right() <= 1)) {
            throw ApiException.badRequest("box must have 0 <= left < right <= 1 (normalized to the picture), got left "
                    + box.left() + ", right " + box.right());
        }
        if (!(box.top() >= 0 && box.top() < box.bottom() && box.bottom() <= 1)) {
            throw ApiException.badRequest("box must have 0 <= top < bottom <= 1 (normalized to the picture, origin "
                    + "top left), got top " + box.top() + ", bottom " + box.bottom());
        }
    }
}
