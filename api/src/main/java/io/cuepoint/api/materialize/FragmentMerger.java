package io.cuepoint.api.materialize;

import io.cuepoint.analyzer.wire.Event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the interval fragments of one (video, type, track) into whole events; for tracked intervals the track is
 * the canonical one, so the fragments of a chain may carry different segment-local tracks.
 *
 * <p>Fragment A (segment k, open end) and fragment B (segment k + 1, open start) are one interval when every
 * string attribute both carry has the same value in both (an expression "happy" does not continue as
 * "neutral"; an attribute only one of them carries does not separate them): a chain of such fragments becomes
 * one event with
 * <ul>
 *   <li>the id, start time, start frame, box, keypoints and producer of the first fragment;</li>
 *   <li>the end time and end frame of the last fragment;</li>
 *   <li>a numeric attribute whose name starts with {@code peak} or {@code max} (such as {@code peakSpeed}) as the
 *       maximum over the fragments: the peak of the whole is the highest peak of its parts;</li>
 *   <li>a numeric attribute whose name ends in {@code Count} (such as {@code sampleCount}) or {@code Length} (such
 *       as {@code pathLength}) as the sum over the fragments: counts and distances add up;</li>
 *   <li>a numeric {@code durationMs} (the length of the interval itself, as a {@code speech.pause} carries it) as
 *       the merged span, {@code endMs - startMs}: each fragment states only its own part;</li>
 *   <li>confidence and every other numeric attribute as the duration-weighted mean over the fragments that
 *       carry it (weight = {@code max(1, endMs - startMs)}, so an instant fragment still counts); a non-numeric
 *       attribute keeps the value of the first fragment that has it;</li>
 *   <li>no fragment information.</li>
 * </ul>
 * Several chains may be open at once (the left and the right hand's movements, untracked, both crossing a
 * boundary): a fragment continues the first open chain, in (segment, start, id) order, that it may join.
 * A chain whose neighbour has not arrived yet is served as it stands and rebuilt when the neighbour arrives, so
 * the result depends only on the set of fragments, never on their arrival order.
 */
public final class FragmentMerger {
    /** The attribute that states an interval's own length (a pause's): the merged event's span, not a mean. */
    static final String DURATION = "durationMs";

    private FragmentMerger() {
    }

    /** Merges fragments of one (video, type, track); the input order does not matter. */
    public static List<Event> merge(List<Event> fragments) {
        var sorted = new ArrayList<>(fragments);
        sorted.sort(Comparator.comparingInt((Event e) -> e.fragment().segment())
                .thenComparingLong(Event::startMs).thenComparing(Event::id));
        var chains = new ArrayList<List<Event>>();
        var open = new ArrayList<List<Event>>(); // chains whose last fragment is open at its end
        for (Event f : sorted) {
            List<Event> chain = null;
            for (int i = 0; f.fragment().openStart() && i < open.size(); i++) {
                Event last = open.get(i).get(open.get(i).size() - 1);
                if (f.fragment().segment() == last.fragment().segment() + 1 && stringsAgree(last, f)) {
                    chain = open.remove(i);
                    break;
                }
            }
            if (chain == null) {
                chain = new ArrayList<>();
                chains.add(chain);
            }
            chain.add(f);
            if (f.fragment().openEnd()) {
                open.add(chain);
            }
        }
        return chains.stream().map(FragmentMerger::join).toList();
    }

    private static boolean isPeak(String name) {
        return name.startsWith("peak") || name.startsWith("max");
    }

    private static boolean stringsAgree(Event a, Event b) {
        if (a.attributes() == null || b.attributes() == null) {
            return true;
        }
        for (Map.Entry<String, Object> e : a.attributes().entrySet()) {
            if (e.getValue() instanceof String value && b.attributes().get(e.getKey()) instanceof String other
                    && !value.equals(other)) {
                return false;
            }
        }
        return true;
    }

    private static Event join(List<Event> chain) {
        Event first = chain.get(0);
        Event last = chain.get(chain.size() - 1);
        double totalWeight = 0;
        double confidence = 0;
        var sums = new LinkedHashMap<String, double[]>(); // attribute -> {weighted sum, weight}
        var counts = new LinkedHashMap<String, Long>();
        var peaks = new LinkedHashMap<String, Double>();
        var lengths = new LinkedHashMap<String, Double>();
        var attributes = new LinkedHashMap<String, Object>();
        for (Event f : chain) {
            double w = Math.max(1, f.endMs() - f.startMs());
            totalWeight += w;
            confidence += w * f.confidence();
            if (f.attributes() == null) {
                continue;
            }
            for (Map.Entry<String, Object> a : f.attributes().entrySet()) {
                if (a.getValue() instanceof Number n && isPeak(a.getKey())) {
                    peaks.merge(a.getKey(), n.doubleValue(), Math::max);
                } else if (a.getValue() instanceof Number n && a.getKey().endsWith("Count")) {
                    counts.merge(a.getKey(), n.longValue(), Long::sum);
                } else if (a.getValue() instanceof Number n && a.getKey().endsWith("Length")) {
                    lengths.merge(a.getKey(), n.doubleValue(), Double::sum);
                } else if (a.getValue() instanceof Number n) {
                    double[] s = sums.computeIfAbsent(a.getKey(), k -> new double[2]);
                    s[0] += w * n.doubleValue();
                    s[1] += w;
                    attributes.putIfAbsent(a.getKey(), n);
                } else {
                    attributes.putIfAbsent(a.getKey(), a.getValue());
                }
            }
        }
        sums.forEach((k, s) -> attributes.put(k, s[0] / s[1]));
        attributes.putAll(counts);
        attributes.putAll(peaks);
        attributes.putAll(lengths);
        if (attributes.get(DURATION) instanceof Number) {
            attributes.put(DURATION, last.endMs() - first.startMs());
        }
        return new Event(first.schema(), first.id(), first.videoId(), first.type(), first.startMs(), last.endMs(),
                first.startFrame(), last.endFrame(), confidence / totalWeight, first.track(), first.box(),
                first.keypoints(), attributes.isEmpty() ? first.attributes() : attributes, first.producer(), null);
    }
}
