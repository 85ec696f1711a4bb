package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The presenter of one segment: of the person tracks the pose detector reported, the most prominent one,
 * by mean box area times the share of the segment's samples it was seen on. So a person in the
 * foreground who passes through briefly loses to the one who stands in front of the class throughout, and
 * small people at the back lose to a large one. One per segment: who presents does not change within a few
 * tens of seconds often enough to justify more.
 *
 * @param track the person track
 * @param poses per sample of the segment (in {@link Samples#all} order), the presenter's {@code person.pose}
 *              event, or null where the presenter was not seen
 */
record PresenterTrack(String track, Event[] poses) {

    /** The presenter among the segment's {@code person.pose} events, or null when nobody was seen. */
    static PresenterTrack select(List<Event> upstream, List<FrameRecord> samples) {
        var index = new HashMap<Long, Integer>();
        for (int i = 0; i < samples.size(); i++) {
            index.put(samples.get(i).frame(), i);
        }
        var byTrack = new LinkedHashMap<String, Event[]>();
        var seen = new LinkedHashMap<String, List<Event>>();
        for (var e : upstream) {
            Integer at = index.get(e.startFrame());
            if (!e.type().equals(PoseDetector.POSE) || e.track() == null || e.box() == null || at == null
                    || Boolean.TRUE.equals(e.attributes().get("leadIn"))) {
                continue;
            }
            byTrack.computeIfAbsent(e.track(), t -> new Event[samples.size()])[at] = e;
            seen.computeIfAbsent(e.track(), t -> new ArrayList<>()).add(e);
        }
        return seen.entrySet().stream().min(PrincipalPerson.MOST_PROMINENT_FIRST)
                .map(best -> new PresenterTrack(best.getKey(), byTrack.get(best.getKey()))).orElse(null);
    }
}
