package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds hard cuts ({@code shot.cut} instants) from the thumbnails of every frame. The event sits on the
 * first frame of the new shot.
 *
 * <p>A frame is a cut when its change score against the previous frame ({@link ThumbnailChange})
 * clears {@link ShotCutConfig#minScore()} and {@link ShotCutConfig#adaptiveFactor()} times the median
 * score of the surrounding window, is the strongest candidate within {@link ShotCutConfig#minGapMs()},
 * and the picture does not return to what it was within {@link ShotCutConfig#flashFrames()} frames
 * (a camera flash or a single corrupt frame). The lead-in frame is only ever the "before" side, so a
 * cut on the segment's first frame is found here, and a cut on the lead-in itself is left to the
 * previous segment where that frame is its own.
 *
 * <p>Limits: a flash in the last frames of a segment cannot see its return and may be reported as a
 * cut; the minimum gap is applied within a segment only.
 */
public final class ShotCutDetector implements SegmentDetector {
    public static final String NAME = "shots";
    public static final String CUT = "shot.cut";

    private final ShotCutConfig config;

    public ShotCutDetector(ShotCutConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Event> detect(Segment segment, DetectionContext ctx) {
        var frames = segment.framesWithLeadIn();
        int n = frames.size();
        if (n < 2) {
            return List.of();
        }
        var hists = frames.stream().map(ThumbnailChange::histogram).toList();
        var scores = new double[n];
        for (int i = 1; i < n; i++) {
            scores[i] = ThumbnailChange.score(frames.get(i - 1), hists.get(i - 1), frames.get(i), hists.get(i));
        }
        var candidates = new ArrayList<Candidate>();
        // Index 0 has no predecessor: it is the lead-in (owned by the previous segment) or frame 0.
        for (int i = 1; i < n; i++) {
            double threshold = Math.max(config.minScore(), config.adaptiveFactor() * windowMedian(scores, i));
            if (scores[i] > threshold && !isFlash(frames, hists, i, scores[i])) {
                candidates.add(new Candidate(frames.get(i), scores[i], threshold));
            }
        }
        return suppressClose(candidates).stream()
                .map(c -> ctx.event(segment, NAME, CUT, c.frame.ptsMs(), c.frame.ptsMs(), c.frame.frame(),
                        c.frame.frame(), confidence(c), Map.of("score", round(c.score)), null))
                .toList();
    }

    /** Median of the scores around {@code i}, excluding {@code i} itself (and index 0, which has none). */
    private double windowMedian(double[] scores, int i) {
        int from = Math.max(1, i - config.windowFrames());
        int to = Math.min(scores.length - 1, i + config.windowFrames());
        var window = new double[to - from];
        int k = 0;
        for (int j = from; j <= to; j++) {
            if (j != i) {
                window[k++] = scores[j];
            }
        }
        if (k == 0) {
            return 0;
        }
        Arrays.sort(window, 0, k);
        return k % 2 == 1 ? window[k / 2] : (window[k / 2 - 1] + window[k / 2]) / 2;
    }

    /**
     * True when a frame before {@code i} and a frame from {@code i} on, no more than flashFrames + 1
     * apart, differ by less than half the change at {@code i}: the picture came back, so the change is
     * the start or the end of a short flash. Measured against the change itself rather than the
     * threshold, so that motion in the shot during the flash does not hide it.
     */
    private boolean isFlash(List<FrameRecord> frames, List<double[]> hists, int i, double change) {
        int span = config.flashFrames() + 1;
        for (int a = Math.max(0, i - span); a <= i - 1; a++) {
            for (int b = i; b <= Math.min(frames.size() - 1, a + span); b++) {
                if (b - a >= 2 && ThumbnailChange.score(frames.get(a), hists.get(a), frames.get(b), hists.get(b))
                        < change / 2) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Keeps the strongest of candidates closer than the minimum gap, in time order. */
    private List<Candidate> suppressClose(List<Candidate> candidates) {
        var kept = new ArrayList<Candidate>();
        candidates.stream()
                .sorted(Comparator.comparingDouble((Candidate c) -> -c.score).thenComparingLong(c -> c.frame.frame()))
                .forEach(c -> {
                    boolean clear = kept.stream()
                            .allMatch(k -> Math.abs(k.frame.ptsMs() - c.frame.ptsMs()) >= config.minGapMs());
                    if (clear) {
                        kept.add(c);
                    }
                });
        kept.sort(Comparator.comparingLong(c -> c.frame.frame()));
        return kept;
    }

    /** 0.5 right at the threshold, 1 at twice the threshold or more. */
    private static double confidence(Candidate c) {
        return Math.min(1, 0.5 + 0.5 * (c.score - c.threshold) / c.threshold);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private record Candidate(FrameRecord frame, double score, double threshold) {
    }
}
