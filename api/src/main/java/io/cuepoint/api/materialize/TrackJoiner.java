package io.cuepoint.api.materialize;

import io.cuepoint.api.store.BoundaryBox;
import io.cuepoint.api.store.LocalTrack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins segment-local tracks into chains across segment boundaries and names each chain after the local id of
 * its earliest segment.
 *
 * <p>Segment s's lead-in frame F is the last frame of segment s - 1, and both analyzers emitted instants for it.
 * A lead-in instant of s (track T, box B) and an instant of s - 1 of the same type at frame F (track P, box C)
 * are a candidate pair when IoU(B, C) is at least {@link #MIN_IOU}; a pair's score is its best IoU over the
 * types both carry. Pairs are taken greedily by score (ties broken by the track ids), each track at most once
 * on either side, and every taken pair makes T continue P's chain.
 *
 * <p>The result is a function of the stored boxes only, so it is the same whatever order the segments arrived
 * in, and the same again when one is replayed.
 */
final class TrackJoiner {
    /** Below this overlap two boxes are not the same thing. */
    static final double MIN_IOU = 0.3;

    private TrackJoiner() {
    }

    /** The canonical id of every given track: its chain's earliest local id, or its own when it joins nothing. */
    static Map<String, String> canonicalIds(List<LocalTrack> tracks, List<BoundaryBox> boxes) {
        var previous = new HashMap<String, String>();
        var leadIns = new LinkedHashMap<Integer, List<BoundaryBox>>();
        var lastFrames = new HashMap<Integer, List<BoundaryBox>>();
        for (BoundaryBox b : boxes) {
            (b.leadIn() ? leadIns : lastFrames).computeIfAbsent(b.segment(), s -> new ArrayList<>()).add(b);
        }
        leadIns.forEach((segment, leadIn) ->
                previous.putAll(link(leadIn, lastFrames.getOrDefault(segment - 1, List.of()))));

        var sorted = new ArrayList<>(tracks);
        sorted.sort(Comparator.comparingInt(LocalTrack::segment).thenComparing(LocalTrack::track));
        var canonical = new HashMap<String, String>();
        for (LocalTrack t : sorted) {
            canonical.put(t.track(), root(t.track(), previous, canonical));
        }
        return canonical;
    }

    /** Lead-in track to the track of the previous segment it continues. */
    static Map<String, String> link(List<BoundaryBox> leadIn, List<BoundaryBox> previousLastFrame) {
        record Pair(String track, String previous, double iou) { }
        var best = new LinkedHashMap<List<String>, Pair>();
        for (BoundaryBox l : leadIn) {
            for (BoundaryBox p : previousLastFrame) {
                if (!l.type().equals(p.type()) || l.frame() != p.frame()) {
                    continue;
                }
                double iou = l.box().iou(p.box());
                if (iou >= MIN_IOU) {
                    best.merge(List.of(l.track(), p.track()), new Pair(l.track(), p.track(), iou),
                            (a, b) -> a.iou() >= b.iou() ? a : b);
                }
            }
        }
        var pairs = new ArrayList<>(best.values());
        pairs.sort(Comparator.comparingDouble(Pair::iou).reversed().thenComparing(Pair::track)
                .thenComparing(Pair::previous));
        var links = new HashMap<String, String>();
        Set<String> taken = new HashSet<>();
        for (Pair p : pairs) {
            if (!links.containsKey(p.track()) && !taken.contains(p.previous())) {
                links.put(p.track(), p.previous());
                taken.add(p.previous());
            }
        }
        return links;
    }

    /** Follows links back to the chain's first track; tracks are visited in segment order, so mostly memoized. */
    private static String root(String track, Map<String, String> previous, Map<String, String> canonical) {
        String t = track;
        var seen = new HashSet<String>();
        while (previous.containsKey(t) && seen.add(t)) {
            String known = canonical.get(previous.get(t));
            if (known != null) {
                return known;
            }
            t = previous.get(t);
        }
        return t;
    }
}
