package io.cuepoint.api.materialize;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.SegmentEvents;
import io.cuepoint.api.store.BoundaryBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One segment's events sorted by what the materializer does with them.
 *
 * @param events    whole events, served as they are (with their track made canonical)
 * @param fragments interval fragments, stored and merged
 * @param tracks    every local track the segment names, lead-in instants included
 * @param boundary  the boxes of the segment's lead-in instants and of its last analysed frame, per type
 */
record SegmentParts(List<Event> events, List<Event> fragments, TreeSet<String> tracks, List<BoundaryBox> boundary) {
    /** The attribute that marks an instant of the segment's lead-in frame. */
    static final String LEAD_IN = "leadIn";
    private static final Logger LOG = LoggerFactory.getLogger(SegmentParts.class);

    static SegmentParts of(SegmentEvents segment) {
        var events = new ArrayList<Event>();
        var fragments = new ArrayList<Event>();
        var tracks = new TreeSet<String>();
        var boundary = new ArrayList<BoundaryBox>();
        var lastFrame = new HashMap<String, List<Event>>(); // type -> tracked instants at its latest frame
        for (Event e : segment.events()) {
            if (!segment.videoId().equals(e.videoId())) {
                LOG.warn("skipping event {} of video {} inside the segment record of video {}", e.id(), e.videoId(),
                        segment.videoId());
                continue;
            }
            if (e.track() != null) {
                tracks.add(e.track());
            }
            if (isLeadIn(e)) {
                // The previous segment served this frame already; the instant only says who continues.
                if (e.track() != null && e.box() != null) {
                    boundary.add(new BoundaryBox(segment.segment(), true, e.type(), e.track(), e.startFrame(),
                            e.box()));
                }
            } else if (e.isFragment()) {
                fragments.add(e);
            } else {
                events.add(e);
                if (e.track() != null && e.box() != null && e.startFrame() == e.endFrame()) {
                    keepLatest(lastFrame, e);
                }
            }
        }
        lastFrame.values().forEach(at -> at.forEach(e -> boundary.add(
                new BoundaryBox(segment.segment(), false, e.type(), e.track(), e.startFrame(), e.box()))));
        return new SegmentParts(events, fragments, tracks, boundary);
    }

    static boolean isLeadIn(Event e) {
        return e.attributes() != null && Boolean.TRUE.equals(e.attributes().get(LEAD_IN));
    }

    private static void keepLatest(Map<String, List<Event>> lastFrame, Event e) {
        List<Event> at = lastFrame.computeIfAbsent(e.type(), t -> new ArrayList<>());
        if (!at.isEmpty() && at.get(0).startFrame() < e.startFrame()) {
            at.clear();
        }
        if (at.isEmpty() || at.get(0).startFrame() == e.startFrame()) {
            at.add(e);
        }
    }
}
