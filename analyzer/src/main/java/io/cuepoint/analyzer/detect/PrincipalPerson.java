package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Box;
import io.cuepoint.analyzer.wire.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The segment's principal person: the {@code person.pose} track with the largest mean box area times number of
 * samples, followed across breaks of the pose tracker by box continuity.
 *
 * <p>With a single-person pose model (MoveNet Lightning or Thunder) a person whose keypoint scores hover
 * around the detection threshold drops out for a sample or two and comes back on a new track; without
 * joining them the principal person would be a fraction of the segment and the rest of the hands' path lost.
 * A track joins when it does not overlap the person's samples in time, begins (or ends) within
 * {@code maxGapMs} of them and its nearest box overlaps the person's nearest box (intersection over union at
 * least {@value #MIN_IOU}) or has its centre within half a box diagonal of it. Tracks are tried from the most
 * prominent down (ties by track id), so the result does not depend on event order.
 */
final class PrincipalPerson {
    static final double MIN_IOU = 0.3;

    private PrincipalPerson() {
    }

    /** The principal person's pose samples in time order, one per frame; empty when nobody was seen. */
    static List<Event> of(List<Event> upstream, long maxGapMs) {
        var byTrack = new LinkedHashMap<String, List<Event>>();
        upstream.stream().filter(e -> e.type().equals(PoseDetector.POSE) && e.track() != null && e.keypoints() != null
                        && e.box() != null)
                .sorted(Comparator.comparingLong(Event::startFrame).thenComparing(Event::track))
                .forEach(e -> byTrack.computeIfAbsent(e.track(), t -> new ArrayList<>()).add(e));
        var ranked = byTrack.entrySet().stream().sorted(MOST_PROMINENT_FIRST).map(Map.Entry::getValue).toList();
        if (ranked.isEmpty()) {
            return List.of();
        }
        var person = new ArrayList<>(ranked.get(0));
        var rest = new ArrayList<>(ranked.subList(1, ranked.size()));
        boolean joined = true;
        while (joined) {
            joined = false;
            for (var it = rest.iterator(); it.hasNext(); ) {
                var track = it.next();
                if (continues(person, track, maxGapMs)) {
                    person.addAll(track);
                    person.sort(Comparator.comparingLong(Event::startFrame));
                    it.remove();
                    joined = true;
                }
            }
        }
        return List.copyOf(person);
    }

    /**
     * Person tracks by {@link #prominence}, most prominent first, ties by track id: the one rule by which both the
     * principal person and the presenter are chosen.
     */
    static final Comparator<Map.Entry<String, List<Event>>> MOST_PROMINENT_FIRST =
            Comparator.comparingDouble((Map.Entry<String, List<Event>> t) -> -prominence(t.getValue()))
                    .thenComparing(Map.Entry::getKey);

    /** Mean box area times the number of samples (the share of samples seen, up to a common factor). */
    static double prominence(List<Event> track) {
        return track.stream().mapToDouble(e -> e.box().area()).average().orElse(0) * track.size();
    }

    private static boolean continues(List<Event> person, List<Event> track, long maxGapMs) {
        var first = person.get(0);
        var last = person.get(person.size() - 1);
        var trackFirst = track.get(0);
        var trackLast = track.get(track.size() - 1);
        if (trackFirst.startFrame() > last.startFrame()) {
            return trackFirst.startMs() - last.startMs() <= maxGapMs && near(last.box(), trackFirst.box());
        }
        if (trackLast.startFrame() < first.startFrame()) {
            return first.startMs() - trackLast.startMs() <= maxGapMs && near(first.box(), trackLast.box());
        }
        return false;   // overlaps the person in time: someone else
    }

    private static boolean near(Box a, Box b) {
        double dx = (a.left() + a.right() - b.left() - b.right()) / 2;
        double dy = (a.top() + a.bottom() - b.top() - b.bottom()) / 2;
        double diagonal = Math.hypot(a.right() - a.left(), a.bottom() - a.top());
        return a.iou(b) >= MIN_IOU || Math.hypot(dx, dy) <= diagonal / 2;
    }
}
