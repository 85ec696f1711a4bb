package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Joins the fragments of consecutive segments the way the api does (open end meets open start in the next
 * segment; counts add up), so analyzer tests can state whole intervals.
 */
final class Fragments {
    private Fragments() {
    }

    static List<Event> merge(List<Event> events) {
        var sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(Event::startFrame));
        var merged = new ArrayList<Event>();
        for (var e : sorted) {
            var last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.fragment() != null && last.fragment().openEnd() && e.fragment() != null
                    && e.fragment().openStart() && e.fragment().segment() == last.fragment().segment() + 1) {
                var attributes = new LinkedHashMap<>(last.attributes());
                e.attributes().forEach((k, v) -> {
                    if (k.endsWith("Count")) {
                        attributes.merge(k, v, (a, b) -> ((Number) a).longValue() + ((Number) b).longValue());
                    }
                });
                merged.set(merged.size() - 1, new Event(last.schema(), last.id(), last.videoId(), last.type(),
                        last.startMs(), e.endMs(), last.startFrame(), e.endFrame(), last.confidence(), null, null, null,
                        attributes, last.producer(), e.fragment()));
            } else {
                merged.add(e);
            }
        }
        return merged;
    }
}
