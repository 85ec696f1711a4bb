package io.cuepoint.api.materialize;

import io.cuepoint.api.store.EventRepository;
import io.cuepoint.api.store.LocalTrack;
import io.cuepoint.api.store.TrackRepository;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps the canonical ids of a video's segment-local tracks current as its segments arrive, in any order: a
 * segment that arrives late may link two chains that were served apart until then.
 */
@Singleton
public final class TrackMaterializer {
    private static final Logger LOG = LoggerFactory.getLogger(TrackMaterializer.class);

    private final TrackRepository tracks;
    private final EventRepository events;

    public TrackMaterializer(TrackRepository tracks, EventRepository events) {
        this.tracks = tracks;
        this.events = events;
    }

    /**
     * What joining changed.
     *
     * @param canonical the canonical id of every local track of the video
     * @param changed   canonical ids that lost or gained local tracks: their merged events must be rebuilt
     */
    record Joined(Map<String, String> canonical, Set<String> changed) {
    }

    /**
     * Stores one segment's tracks and boundary boxes, joins the video's tracks again and serves the already
     * stored unmerged events of every track whose canonical id changed under the new one.
     */
    Joined join(Connection c, String videoId, int segment, SegmentParts parts) throws SQLException {
        boolean hadBoundary = tracks.replaceBoundary(c, videoId, segment, parts.boundary());
        if (parts.tracks().isEmpty() && !hadBoundary) {
            return new Joined(Map.of(), Set.of()); // nothing tracked here, now or before: no link can change
        }
        tracks.upsertTracks(c, videoId, segment, parts.tracks());
        // The whole video is joined again rather than the two boundaries of this segment: a new link changes
        // the canonical id of every later track of the chain, and tracks per video are few (hundreds).
        var all = tracks.tracks(c, videoId);
        Map<String, String> canonical = TrackJoiner.canonicalIds(all, tracks.boundaryBoxes(c, videoId));
        var changed = new TreeSet<String>();
        for (LocalTrack t : all) {
            String now = canonical.get(t.track());
            if (!now.equals(t.canonical())) {
                LOG.debug("video {}: track {} now served as {} (was {})", videoId, t.track(), now, t.canonical());
                tracks.setCanonical(c, videoId, t.track(), now);
                events.retrack(c, videoId, t.track(), now);
                changed.add(t.canonical());
                changed.add(now);
            }
        }
        return new Joined(canonical, changed);
    }
}
