package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds shot boundaries from the thumbnails of every frame: hard cuts ({@code shot.cut} instants on the
 * first frame of the new shot) and gradual transitions ({@code shot.transition} intervals, attribute
 * {@code kind} = {@code fade-out}, {@code fade-in} or {@code dissolve}, see {@link TransitionFinder}).
 *
 * <p>A frame is a cut when its change score against the previous frame ({@link ThumbnailChange})
 * clears {@link ShotCutConfig#minScore()} and {@link ShotCutConfig#adaptiveFactor()} times the median
 * score of the surrounding window, is the strongest candidate within {@link ShotCutConfig#minGapMs()}
 * (the minimum shot length), is not small motion (texture that moved by a fraction of a 4-pixel block)
 * nor a fast pan (the previous picture shifted by a few thumbnail pixels),
 * does not lie in a transition or on the first frame after it, and the picture does not return to what
 * it was within {@link ShotCutConfig#flashFrames()} frames (a camera flash or a single corrupt frame).
 * The lead-in frame is only ever the "before" side, so a cut on the segment's first frame is found here,
 * and a cut on the lead-in itself is left to the previous segment where that frame is its own.
 *
 * <p>A transition interval runs from its first blended frame to its last (endMs = the next frame's time).
 * One that reaches a segment boundary is a fragment, open on that side, so the api joins the pieces.
 *
 * <p>Limits: a flash in the last frames of a segment cannot see its return and may be reported as a
 * cut; the minimum gap is applied within a segment only; a fragment of fewer than three frames on one
 * side of a boundary is not found, the other side's fragment then stands alone.
 */
public final class ShotCutDetector implements SegmentDetector {
    public static final String NAME = "shots";
    public static final String CUT = "shot.cut";
    public static final String TRANSITION = "shot.transition";

    /** Block-average change, in grey levels, below which a change may be small motion. */
    private static final double MIN_BLOCK_CHANGE = 10;
    /** Largest block change, as a share of the pixel change, of small motion. */
    private static final double MOTION_SHARE = 0.55;
    /** Largest displacement per frame, in thumbnail pixels (an eighth of a 64-pixel width), tried for fast pans. */
    private static final int PAN_SHIFT = 8;
    /**
     * A change is a fast pan when a shift leaves less than this share of the pixel difference; whip pans
     * leave about 0.3 or less, cuts (look-alike grey shots included) 0.75 or more.
     */
    private static final double PAN_SHARE = 0.5;

    private final ShotCutConfig config;
    private final TransitionFinder finder;

    public ShotCutDetector(ShotCutConfig config) {
        this.config = config;
        this.finder = new TransitionFinder(config);
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
        var luma = new LumaFrames(frames);
        var transitions = finder.find(luma, frameMs(frames), segment.hasPrevious(),
                segment.hasNext());
        var hists = frames.stream().map(ThumbnailChange::histogram).toList();
        var scores = new double[n];
        for (int i = 1; i < n; i++) {
            scores[i] = ThumbnailChange.score(frames.get(i - 1), hists.get(i - 1), frames.get(i), hists.get(i));
        }
        var candidates = new ArrayList<Candidate>();
        // Index 0 has no predecessor: it is the lead-in (owned by the previous segment) or frame 0.
        for (int i = 1; i < n; i++) {
            double threshold = Math.max(config.minScore(), config.adaptiveFactor() * windowMedian(scores, i));
            if (scores[i] > threshold && !inTransition(transitions, i) && !isSmallMotion(luma, i)
                    && !isFlash(frames, hists, i, scores[i]) && !isFastPan(luma, i)) {
                candidates.add(new Candidate(frames.get(i), scores[i], threshold));
            }
        }
        var events = new ArrayList<Event>();
        for (var c : suppressClose(candidates)) {
            events.add(ctx.event(segment, NAME, CUT, c.frame.ptsMs(), c.frame.ptsMs(), c.frame.frame(),
                    c.frame.frame(), confidence(c), Map.of("score", round(c.score)), null));
        }
        for (var t : transitions) {
            var first = frames.get(t.start());
            var last = frames.get(t.end());
            long endMs = t.end() + 1 < n ? frames.get(t.end() + 1).ptsMs() : Math.max(last.ptsMs(), segment.end().endMs());
            var fragment = t.openStart() || t.openEnd() ? new Fragment(segment.index(), t.openStart(), t.openEnd()) : null;
            events.add(ctx.event(segment, NAME, TRANSITION, first.ptsMs(), endMs, first.frame(), last.frame(),
                    t.score(), Map.of("kind", t.kind(), "score", round(t.score())), fragment));
        }
        events.sort(Comparator.comparingLong(Event::startFrame).thenComparing(Event::type));
        return events;
    }

    /**
     * A change that leaves the picture's 4 x 4-pixel block averages nearly as they were while single pixels
     * change much more: texture moved by a fraction of a block (a nudged camera, a jerky slow pan) and the
     * shifts cancel within blocks; in a cut, or a slide change, pixel and block changes are alike.
     */
    private static boolean isSmallMotion(LumaFrames luma, int index) {
        if (!luma.comparable(index - 1, index)) {
            return false;
        }
        double blocks = luma.blockChange(index - 1, index);
        return blocks < MIN_BLOCK_CHANGE && blocks < MOTION_SHARE * luma.pixelChange(index - 1, index);
    }

    /**
     * A change that a shift of the previous picture by up to {@link #PAN_SHIFT} pixels largely explains: a
     * whip pan or fast tilt moves the picture by several thumbnail pixels a frame, which scores like a cut,
     * but the new frame is the old one displaced; after a cut the best shift leaves most of the difference.
     */
    private static boolean isFastPan(LumaFrames luma, int index) {
        return luma.comparable(index - 1, index)
                && luma.bestShiftedDiff(index - 1, index, PAN_SHIFT) < PAN_SHARE * luma.pixelChange(index - 1, index);
    }

    /** A cut on a transition's frames, or on the first frame after it, is the transition itself. */
    private static boolean inTransition(List<TransitionFinder.Transition> transitions, int index) {
        for (var t : transitions) {
            if (index >= t.start() && index <= t.end() + 1) {
                return true;
            }
        }
        return false;
    }

    /** Typical frame duration: the median gap between presentation times, 40 ms when there is none. */
    private static double frameMs(List<FrameRecord> frames) {
        var gaps = new long[frames.size() - 1];
        int k = 0;
        for (int i = 1; i < frames.size(); i++) {
            long gap = frames.get(i).ptsMs() - frames.get(i - 1).ptsMs();
            if (gap > 0) {
                gaps[k++] = gap;
            }
        }
        if (k == 0) {
            return 40;
        }
        Arrays.sort(gaps, 0, k);
        return gaps[k / 2];
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
