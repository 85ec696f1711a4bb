package io.cuepoint.api.materialize;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.SegmentEvents;
import io.cuepoint.api.store.ArtifactRepository;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.EventRepository;
import io.cuepoint.api.store.VideoRepository;
import io.cuepoint.api.webhook.WebhookOutbox;
import io.cuepoint.ingest.wire.DecodeProgress;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies pipeline records to the database, each in one transaction. Idempotent: applying a record again, or
 * records in another order, gives the same rows. Tracked events are served under their canonical track (see
 * {@link TrackJoiner}); fragments are merged per canonical track (see {@link FragmentMerger}). Records of a
 * video that does not exist (deleted, or never submitted here) are skipped.
 */
@Singleton
public final class EventMaterializer {
    private static final Logger LOG = LoggerFactory.getLogger(EventMaterializer.class);

    private final Database db;
    private final VideoRepository videos;
    private final EventRepository events;
    private final TrackMaterializer trackMaterializer;
    private final ArtifactRepository artifacts;
    private final SlideNumbering slideNumbering;
    private final WebhookOutbox webhooks;

    public EventMaterializer(Database db, VideoRepository videos, EventRepository events,
                             TrackMaterializer trackMaterializer, ArtifactRepository artifacts,
                             SlideNumbering slideNumbering, WebhookOutbox webhooks) {
        this.db = db;
        this.videos = videos;
        this.events = events;
        this.trackMaterializer = trackMaterializer;
        this.artifacts = artifacts;
        this.slideNumbering = slideNumbering;
        this.webhooks = webhooks;
    }

    /**
     * Stores one segment's events, joins its tracks to those of the neighbouring segments, re-merges the fragment
     * chains it touches, replaces the segment's artifacts, numbers the video's slides ({@link SlideNumbering})
     * and marks the segment done. Lead-in instants only serve the joining and are not stored
     * as events: the previous segment reported that frame already.
     */
    public void apply(SegmentEvents segment) {
        int stored = db.inTransaction("applying segment events", c -> {
            String videoId = segment.videoId();
            if (!exists(c, videoId)) {
                return 0;
            }
            var parts = SegmentParts.of(segment);
            var joined = trackMaterializer.join(c, videoId, segment.segment(), parts);
            for (Event e : parts.events()) {
                events.upsertEvent(c, served(e.withoutFragment(), joined.canonical()), e.track(), false);
            }
            var untrackedTypes = new TreeSet<String>();
            var tracks = new TreeSet<>(joined.changed());
            for (Event f : parts.fragments()) {
                events.upsertFragment(c, f);
                if (f.track() == null) {
                    untrackedTypes.add(f.type());
                } else {
                    tracks.add(joined.canonical().get(f.track()));
                }
            }
            for (String type : untrackedTypes) {
                events.replaceMerged(c, videoId, type, null,
                        FragmentMerger.merge(events.fragments(c, videoId, type, null)));
            }
            for (String track : tracks) {
                remergeTrack(c, videoId, track);
            }
            artifacts.replaceSegment(c, videoId, segment.segment(), segment.artifacts());
            slideNumbering.renumber(c, videoId);
            videos.upsertSegment(c, videoId, segment.segment(), segment.frames(), segment.events().size(),
                    segment.error(), segment.analyzer(), segment.at());
            videos.refreshStatus(c, videoId, segment.at());
            // In this transaction: the deliveries exist exactly when the status change does.
            webhooks.enqueue(c, videoId);
            return parts.events().size();
        });
        MaterializeMetrics.eventsMaterialized(stored);
    }

    /** Rebuilds the merged events of one canonical track from the fragments of all its local tracks. */
    private void remergeTrack(Connection c, String videoId, String canonical) throws SQLException {
        var byType = new TreeMap<String, List<Event>>();
        for (Event f : events.fragmentsOfTrack(c, videoId, canonical)) {
            byType.computeIfAbsent(f.type(), t -> new ArrayList<>()).add(withTrack(f, canonical));
        }
        var merged = new ArrayList<Event>();
        for (List<Event> fragments : byType.values()) {
            merged.addAll(FragmentMerger.merge(fragments));
        }
        // Replaced rather than deleted and rebuilt: an unchanged merged event keeps its feed position.
        events.replaceMergedOfTrack(c, videoId, canonical, merged);
    }

    private static Event served(Event e, Map<String, String> canonical) {
        return e.track() == null ? e : withTrack(e, canonical.getOrDefault(e.track(), e.track()));
    }

    private static Event withTrack(Event e, String track) {
        return new Event(e.schema(), e.id(), e.videoId(), e.type(), e.startMs(), e.endMs(), e.startFrame(),
                e.endFrame(), e.confidence(), track, e.box(), e.keypoints(), e.attributes(), e.producer(),
                e.fragment());
    }

    /** Applies one decode progress record. */
    public void apply(DecodeProgress p) {
        Objects.requireNonNull(p.state(), "decode progress without a state");
        db.inTransaction("applying decode progress", c -> {
            if (!exists(c, p.videoId())) {
                return null;
            }
            // Every record that carries the media metadata fills it in, so the video is described even
            // when its STARTED record was never seen (a materializer that joined late, a compacted topic).
            if (p.media() != null && p.state() != DecodeProgress.State.STARTED) {
                videos.decodeStarted(c, p.videoId(), p.media(), p.segmentMs(), p.at());
            }
            switch (p.state()) {
                case STARTED -> videos.decodeStarted(c, p.videoId(), p.media(), p.segmentMs(), p.at());
                case PROGRESS -> videos.decodeProgress(c, p.videoId(), p.fraction(), p.frames(), p.corruptFrames(),
                        p.at());
                case COMPLETED -> {
                    if (p.segments() == null) {
                        throw new IllegalArgumentException("decode COMPLETED without a segment count");
                    }
                    videos.decodeCompleted(c, p.videoId(), p.segments(), p.segmentMs(), p.frames(),
                            p.corruptFrames(), p.at());
                }
                case FAILED -> videos.markFailed(c, p.videoId(),
                        p.error() == null ? "decoding failed" : p.error(), p.at());
            }
            videos.refreshStatus(c, p.videoId(), p.at());
            webhooks.enqueue(c, p.videoId());
            return null;
        });
    }

    private boolean exists(Connection c, String videoId) throws SQLException {
        if (videos.lock(c, videoId)) {
            return true;
        }
        LOG.warn("skipping a record of unknown video {} (deleted or never submitted here)", videoId);
        return false;
    }
}
