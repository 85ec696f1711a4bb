package io.cuepoint.api.materialize;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.SegmentEvents;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.EventRepository;
import io.cuepoint.api.store.VideoRepository;
import io.cuepoint.ingest.wire.DecodeProgress;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Objects;

/**
 * Applies pipeline records to the database, each in one transaction. Idempotent: applying a record again, or
 * records in another order, gives the same rows. Records of a video that does not exist (deleted, or never
 * submitted here) are skipped.
 */
@Singleton
public final class EventMaterializer {
    private static final Logger LOG = LoggerFactory.getLogger(EventMaterializer.class);

    private final Database db;
    private final VideoRepository videos;
    private final EventRepository events;

    public EventMaterializer(Database db, VideoRepository videos, EventRepository events) {
        this.db = db;
        this.videos = videos;
        this.events = events;
    }

    /** Stores one segment's events, re-merges the fragment chains it touches and marks the segment done. */
    public void apply(SegmentEvents segment) {
        db.inTransaction("applying segment events", c -> {
            if (!exists(c, segment.videoId())) {
                return null;
            }
            record Chain(String type, String track) { }
            var touched = new LinkedHashSet<Chain>();
            for (Event e : segment.events()) {
                if (!segment.videoId().equals(e.videoId())) {
                    LOG.warn("skipping event {} of video {} inside the segment record of video {}", e.id(),
                            e.videoId(), segment.videoId());
                } else if (e.isFragment()) {
                    events.upsertFragment(c, e);
                    touched.add(new Chain(e.type(), e.track()));
                } else {
                    events.upsertEvent(c, e.withoutFragment(), false);
                }
            }
            for (Chain chain : touched) {
                events.deleteMerged(c, segment.videoId(), chain.type(), chain.track());
                for (Event merged : FragmentMerger.merge(events.fragments(c, segment.videoId(), chain.type(),
                        chain.track()))) {
                    events.upsertEvent(c, merged, true);
                }
            }
            videos.upsertSegment(c, segment.videoId(), segment.segment(), segment.frames(), segment.events().size(),
                    segment.error(), segment.analyzer(), segment.at());
            videos.refreshStatus(c, segment.videoId(), segment.at());
            return null;
        });
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
