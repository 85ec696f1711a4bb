package io.cuepoint.api.engagement;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.api.ApiException;
import io.cuepoint.api.config.EngagementConfig;
import io.cuepoint.api.store.ArtifactRepository;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.EventQuery;
import io.cuepoint.api.store.EventRepository;
import io.cuepoint.api.store.StoredArtifact;
import io.cuepoint.api.store.Video;
import io.cuepoint.api.store.VideoRepository;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A video's engagement timeline, computed when asked from its stored events and {@code prosody} artifacts, so
 * that new weights apply to videos analysed before. Blocking: call it off the event loop.
 */
@Singleton
public final class EngagementService {
    /** Shortest and longest window. */
    public static final long MIN_WINDOW_MS = 2_000;
    public static final long MAX_WINDOW_MS = 600_000;
    /** What the timeline is computed from. */
    private static final List<String> INPUT_TYPES = List.of(EngagementInputs.SLIDE, EngagementInputs.CUT,
            EngagementInputs.TRANSITION, EngagementInputs.VISIBLE, EngagementInputs.FACING, EngagementInputs.GESTURING,
            SpeechEvents.ACTIVE, SpeechEvents.PAUSE, SpeechEvents.NONSPEECH);
    /** Any of these says the presenter detector ran, even where no presenter interval survived. */
    private static final List<String> PRESENTER_TYPES = List.of("presenter.handRaised", "presenter.postureChange",
            "audience.facing");

    private final Database db;
    private final VideoRepository videos;
    private final EventRepository events;
    private final ArtifactRepository artifacts;
    private final EngagementConfig config;

    public EngagementService(Database db, VideoRepository videos, EventRepository events,
                             ArtifactRepository artifacts, EngagementConfig config) {
        this.db = db;
        this.videos = videos;
        this.events = events;
        this.artifacts = artifacts;
        this.config = config;
    }

    /**
     * The timeline in windows of {@code windowMs}.
     *
     * @throws ApiException 400 for a window outside 2 s to 10 min, 404 for an unknown video
     */
    public Engagement engagement(String videoId, long windowMs) {
        if (windowMs < MIN_WINDOW_MS || windowMs > MAX_WINDOW_MS) {
            throw ApiException.badRequest("windowMs must be " + MIN_WINDOW_MS + " to " + MAX_WINDOW_MS
                    + " milliseconds, got " + windowMs);
        }
        return db.read("computing engagement", c -> {
            Video video = videos.find(c, videoId).orElseThrow(() -> ApiException.notFound("no video " + videoId));
            EngagementInputs inputs;
            try {
                inputs = EngagementInputs.of(video.durationMs(), inputEvents(c, videoId),
                        artifacts.list(c, videoId, Prosody.KIND, Long.MIN_VALUE, Long.MAX_VALUE).stream()
                                .map(StoredArtifact::artifact).toList(),
                        video.width() != null || video.frames() > 0);
            } catch (IllegalStateException e) {
                throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "a stored prosody artifact of video "
                        + videoId + " is damaged", e);
            }
            return new Engagement(videoId, video.status().name(), windowMs, config.weights(),
                    new EngagementTimeline(config).windows(inputs, windowMs), new EngagementFlags(config).flags(inputs));
        });
    }

    private List<Event> inputEvents(Connection c, String videoId) throws SQLException {
        var found = new ArrayList<>(events.query(c, new EventQuery(videoId, INPUT_TYPES, null, null, null, null, null,
                null, Integer.MAX_VALUE)));
        // One event is enough to know that the presenter detector ran.
        found.addAll(events.query(c, new EventQuery(videoId, PRESENTER_TYPES, null, null, null, null, null, null, 1)));
        return found;
    }
}
