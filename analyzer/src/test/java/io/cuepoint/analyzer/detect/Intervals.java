package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Interval events of a whole video: fragments joined as the api joins them, and temporal overlap. */
final class Intervals {
    private Intervals() {
    }

    /** Events of {@code type} from every segment, in time order, with open ends joined to open starts. */
    static List<long[]> joined(List<Event> events, String type) {
        var sorted = events.stream().filter(e -> e.type().equals(type))
                .sorted(Comparator.comparingLong(Event::startMs)).toList();
        var out = new ArrayList<long[]>();
        Event previous = null;
        for (var e : sorted) {
            boolean joins = previous != null && previous.fragment() != null && previous.fragment().openEnd()
                    && e.fragment() != null && e.fragment().openStart() && previous.endMs() == e.startMs();
            if (joins) {
                out.get(out.size() - 1)[1] = e.endMs();
            } else {
                out.add(new long[] {e.startMs(), e.endMs()});
            }
            previous = e;
        }
        return out;
    }

    /** Temporal intersection over union of two [start, end) intervals. */
    static double iou(long[] a, long startMs, long endMs) {
        long inter = Math.max(0, Math.min(a[1], endMs) - Math.max(a[0], startMs));
        long union = Math.max(a[1], endMs) - Math.min(a[0], startMs);
        return union == 0 ? 0 : (double) inter / union;
    }
}
