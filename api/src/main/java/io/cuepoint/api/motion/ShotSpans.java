package io.cuepoint.api.motion;

import io.cuepoint.analyzer.wire.Event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts a video into shots from its {@code shot.cut} instants and {@code shot.transition} intervals. A cut starts
 * a new shot on its frame; a transition (fade, dissolve) ends the shot before it and the next shot starts where
 * it ends, so its blended frames belong to no shot. A video without either is one shot.
 */
public final class ShotSpans {
    public static final String CUT = "shot.cut";
    public static final String TRANSITION = "shot.transition";

    /** One shot: {@code [startMs, endMs)}, numbered from 0 in time order. */
    public record Shot(int index, long startMs, long endMs) {
        public boolean contains(long ms) {
            return ms >= startMs && ms < endMs;
        }
    }

    private ShotSpans() {
    }

    /**
     * @param boundaries the video's cut and transition events
     * @param startMs    where the analysed video starts
     * @param endMs      where it ends (exclusive)
     */
    public static List<Shot> of(List<Event> boundaries, long startMs, long endMs) {
        var gaps = boundaries.stream()
                .filter(e -> e.type().equals(CUT) || e.type().equals(TRANSITION))
                .map(e -> new long[] {e.startMs(), e.type().equals(CUT) ? e.startMs() : e.endMs()})
                .sorted(Comparator.<long[]>comparingLong(g -> g[0]).thenComparingLong(g -> g[1]))
                .toList();
        var shots = new ArrayList<Shot>();
        long cursor = startMs;
        for (long[] gap : gaps) {
            if (gap[0] > cursor && gap[0] <= endMs) {
                shots.add(new Shot(shots.size(), cursor, gap[0]));
            }
            cursor = Math.max(cursor, gap[1]);
        }
        if (endMs > cursor || shots.isEmpty()) {
            shots.add(new Shot(shots.size(), Math.min(cursor, endMs), endMs));
        }
        return shots;
    }
}
