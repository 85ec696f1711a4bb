package io.cuepoint.api.timeline;

import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.api.ApiException;
import io.cuepoint.api.store.ArtifactRepository;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.SlideRepository;
import io.cuepoint.api.store.VideoRepository;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads a video's slides and their keyframe images as the api serves them. The slides' numbers are written by
 * the materializer ({@link io.cuepoint.api.materialize.SlideNumbering}). Blocking: call it off the event loop.
 */
@Singleton
public final class SlideService {
    private final Database db;
    private final VideoRepository videos;
    private final SlideRepository slides;
    private final ArtifactRepository artifacts;

    public SlideService(Database db, VideoRepository videos, SlideRepository slides, ArtifactRepository artifacts) {
        this.db = db;
        this.videos = videos;
        this.slides = slides;
        this.artifacts = artifacts;
    }

    /**
     * The video's slides by start.
     *
     * @throws ApiException 404 when there is no such video
     */
    public List<SlideResource> slides(String videoId) {
        return db.read("reading slides", c -> {
            requireVideo(c, videoId);
            return slides.slides(c, videoId).stream().map(e -> resource(videoId, e)).toList();
        });
    }

    /**
     * The JPEG bytes of one keyframe.
     *
     * @throws ApiException 404 when there is no such video or keyframe
     */
    public byte[] keyframe(String videoId, String name) {
        return db.read("reading a keyframe", c -> {
            requireVideo(c, videoId);
            return artifacts.find(c, videoId, Artifact.KEYFRAME, name).map(stored -> stored.artifact().data())
                    .orElseThrow(() -> ApiException.notFound("video " + videoId + " has no keyframe " + name));
        });
    }

    /** Where a keyframe is served. */
    public static String keyframeUrl(String videoId, String name) {
        return "/api/v1/videos/" + videoId + "/keyframes/" + name;
    }

    private void requireVideo(Connection c, String videoId) throws SQLException {
        if (videos.find(c, videoId).isEmpty()) {
            throw ApiException.notFound("no video " + videoId);
        }
    }

    private static SlideResource resource(String videoId, Event e) {
        var a = e.attributes() == null ? java.util.Map.<String, Object>of() : e.attributes();
        var keyframe = a.get("keyframe") instanceof String name ? keyframeUrl(videoId, name) : null;
        return new SlideResource(a.get("slideNumber") instanceof Number n ? n.intValue() : 0,
                Boolean.TRUE.equals(a.get("revisit")), e.startMs(), e.endMs(), e.startFrame(), e.endFrame(),
                a.get("buildCount") instanceof Number n ? n.intValue() : 0, keyframe, e.id());
    }
}
