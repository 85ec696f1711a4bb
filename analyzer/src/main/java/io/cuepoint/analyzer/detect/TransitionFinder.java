package io.cuepoint.analyzer.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds gradual transitions (fades and cross-dissolves) in the thumbnails of one segment. During such a
 * transition every frame is a blend {@code (1 - a) A + a B} of the frames bracketing it, with {@code a}
 * rising steadily; fades are the case where A or B is a uniform picture.
 *
 * <p>Three steps. <b>Seeds:</b> a frame half-way along a blend equals the average of two frames the same
 * distance before and after it; this midpoint test runs at a few window sizes, and a frame passes when some
 * window spans a clear change and leaves a small remainder (a cut leaves half the change, motion more).
 * <b>Growth:</b> from the best seed, the frames are projected on the line between its window's ends and the
 * run is grown both ways while each frame moves further along the line and stays close to it; then once
 * more on the line between the ends found, so that windows larger or smaller than the transition agree.
 * <b>Checks:</b> the ends must differ clearly (a flash returns to the picture it left), the frames must fit the
 * blend, and the change must not be explained by a shift of the picture: a slow pan or zoom is nearly linear
 * in block averages over a second or more, but a shift of a few pixels takes most of its change away.
 *
 * <p>The kind comes from where the line through the frames meets a uniform picture: a fade runs from or to
 * a picture whose remaining structure is nearly zero; ahead of the transition that is a fade-out, behind it a
 * fade-in. This needs only the frames at hand, so both fragments of a transition that crosses a segment
 * boundary agree on it.
 */
final class TransitionFinder {
    /** Largest midpoint remainder, as a share of the window's change, for a frame to seed a search. */
    private static final double SEED_RATIO = 0.2;
    /** A frame must move this share of the seed's mean step along the line to count as still changing. */
    private static final double STEP_SHARE = 0.3;
    /** Mean steps a frame two frames on must have moved for the frame between to be stepped over. */
    private static final double SKIP_STEPS = 5;
    /** Luma noise (grey levels) tolerated on top of the relative fit error: compression, dithering. */
    private static final double NOISE = 1.5;
    /** Structure left at the line's most uniform point, relative to the ends', below which it is a fade. */
    private static final double UNIFORM_SHARE = 0.2;
    /** Largest shift in thumbnail pixels tried when asking whether motion explains the change. */
    private static final int MAX_SHIFT = 2;
    /** Largest shift, in thumbnail pixels, tried when asking whether a run's ends differ by displacement. */
    private static final int MOTION_SHIFT = 4;
    /**
     * A run is motion when some shift leaves less than this share of its ends' pixel difference; across
     * dissolves and fades the best shift still leaves 0.88 or more, across slow pans and zooms 0.7 or less.
     */
    private static final double MOTION_SHARE = 0.8;

    private final ShotCutConfig config;

    TransitionFinder(ShotCutConfig config) {
        this.config = config;
    }

    /** A transition over frame indices {@code start..end} (inclusive) of the frames given to {@link #find}. */
    record Transition(int start, int end, String kind, double score, boolean openStart, boolean openEnd) {
    }

    /**
     * @param frameMs     typical frame duration, to turn the configured lengths into frames
     * @param openAtStart whether the video continues before index 0
     * @param openAtEnd   whether the video continues after the last index
     */
    List<Transition> find(LumaFrames frames, double frameMs, boolean openAtStart, boolean openAtEnd) {
        int n = frames.size();
        int minFrames = Math.max(2, (int) Math.round(config.transitionMinMs() / frameMs));
        int maxFrames = Math.max(minFrames, (int) Math.round(config.transitionMaxMs() / frameMs));
        var seeds = seeds(frames, maxFrames);
        var covered = new boolean[n];
        var found = new ArrayList<Transition>();
        for (var seed : seeds) {
            if (covered[seed.index]) {
                continue;
            }
            var run = grow(frames, seed.index - seed.half, seed.index, seed.index + seed.half, maxFrames);
            if (run == null) {
                covered[seed.index] = true;
                continue;
            }
            for (int i = run.from; i <= run.to; i++) {
                covered[i] = true;
            }
            var t = check(frames, run, minFrames, maxFrames, openAtStart, openAtEnd);
            if (t != null) {
                found.add(t);
            }
        }
        found.sort(Comparator.comparingInt(Transition::start));
        return joinOverlaps(frames, found, minFrames, maxFrames, openAtStart, openAtEnd);
    }

    /**
     * Two runs grown from different seeds of one transition can overlap when motion in the shots interrupted
     * one of them; they are one transition when the whole still fits one blend, else the longer stays.
     */
    private List<Transition> joinOverlaps(LumaFrames frames, List<Transition> found, int minFrames, int maxFrames,
                                          boolean openAtStart, boolean openAtEnd) {
        var joined = new ArrayList<Transition>();
        for (var t : found) {
            var last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last == null || t.start() > last.end() + 1) {
                joined.add(t);
                continue;
            }
            int from = last.start() - 1;
            int to = t.openEnd() ? t.end() : Math.min(frames.size() - 1, t.end() + 1);
            Transition whole = frames.comparable(from, to)
                    ? check(frames, new Run(from, to, last.openStart(), t.openEnd(), new BlendLine(frames, from, to)),
                    minFrames, maxFrames, openAtStart, openAtEnd)
                    : null;
            if (whole == null) {
                whole = t.end() - t.start() > last.end() - last.start() ? t : last;
            }
            joined.set(joined.size() - 1, whole);
        }
        return joined;
    }

    private record Seed(int index, int half, double ratio) {
    }

    /** Frames that lie half-way on a blend at some window size, best first. */
    private List<Seed> seeds(LumaFrames frames, int maxFrames) {
        int n = frames.size();
        var halves = new ArrayList<Integer>();
        for (int h = 1; 2 * h <= maxFrames + 1; h = Math.max(h + 1, (int) Math.round(h * 1.4))) {
            halves.add(h);
        }
        var seeds = new ArrayList<Seed>();
        var span = new double[1];
        double minSpan = 0.6 * config.transitionMinChange();
        for (int i = 1; i < n - 1; i++) {
            Seed best = null;
            for (int h : halves) {
                if (i - h < 0 || i + h >= n) {
                    break;
                }
                if (!frames.comparable(i - h, i) || !frames.comparable(i, i + h)) {
                    continue;
                }
                double ratio = frames.midpointRatio(i - h, i, i + h, span);
                if (span[0] >= minSpan && ratio <= SEED_RATIO && (best == null || ratio < best.ratio)) {
                    best = new Seed(i, h, ratio);
                }
            }
            if (best != null) {
                seeds.add(best);
            }
        }
        seeds.sort(Comparator.comparingDouble(Seed::ratio).thenComparingInt(Seed::index));
        return seeds;
    }

    /** A grown run: {@code from} and {@code to} are the last unchanged frames either side (or the ends). */
    private record Run(int from, int to, boolean reachedStart, boolean reachedEnd, BlendLine line) {
    }

    private Run grow(LumaFrames frames, int from, int seed, int to, int maxFrames) {
        var first = walk(frames, new BlendLine(frames, from, to), seed, to - from, maxFrames);
        if (first.from >= first.to || !frames.comparable(first.from, first.to)) {
            return null;
        }
        return walk(frames, new BlendLine(frames, first.from, first.to), seed, first.to - first.from, maxFrames);
    }

    /**
     * Grows the run around {@code seed} along {@code line} while frames keep moving along it by at least a
     * share of the mean step and stay near it. One frame that does not (a duplicated frame from a frame-rate
     * conversion, a jerk of the camera) is stepped over when the frame beyond it has moved on by clearly more
     * than one step: beyond the transition's end the picture stands, and the step over it is about one.
     */
    private Run walk(LumaFrames frames, BlendLine line, int seed, int frameSpan, int maxFrames) {
        double minStep = STEP_SHARE / Math.max(1, frameSpan);
        double maxError = config.transitionMaxError() * line.span() + NOISE;
        int n = frames.size();
        int lo = seed;
        boolean skipped = false;
        while (lo > 0 && seed - lo < maxFrames) {
            if (line.error(lo - 1) <= maxError && line.position(lo) - line.position(lo - 1) > minStep) {
                lo--;
            } else if (!skipped && lo > 1 && line.error(lo - 2) <= maxError
                    && line.position(lo) - line.position(lo - 2) > SKIP_STEPS * minStep) {
                lo -= 2;
                skipped = true;
            } else {
                break;
            }
        }
        boolean reachedStart = lo == 0;
        int hi = seed;
        skipped = false;
        while (hi < n - 1 && hi - seed < maxFrames) {
            if (line.error(hi + 1) <= maxError && line.position(hi + 1) - line.position(hi) > minStep) {
                hi++;
            } else if (!skipped && hi < n - 2 && line.error(hi + 2) <= maxError
                    && line.position(hi + 2) - line.position(hi) > SKIP_STEPS * minStep) {
                hi += 2;
                skipped = true;
            } else {
                break;
            }
        }
        boolean reachedEnd = hi == n - 1;
        return new Run(lo, hi, reachedStart, reachedEnd, line);
    }

    /** The run as a transition when it passes every check, else null. */
    private Transition check(LumaFrames frames, Run run, int minFrames, int maxFrames, boolean openAtStart,
                             boolean openAtEnd) {
        boolean openStart = run.reachedStart && openAtStart;
        boolean openEnd = run.reachedEnd && openAtEnd;
        int start = run.from + 1;
        int end = openEnd ? run.to : run.to - 1;
        int length = end - start + 1;
        boolean fragment = openStart || openEnd;
        double span = run.line.span();
        if (length > maxFrames || length < (fragment ? Math.min(3, minFrames) : minFrames)
                || span < (fragment ? 0.5 : 1) * config.transitionMinChange()) {
            return null;
        }
        double error = 0;
        for (int i = start; i <= end; i++) {
            error += run.line.error(i);
        }
        error /= length;
        if (error > config.transitionMaxError() * span + NOISE || shiftExplains(frames, run.from, run.to, span)
                || !fragment && frames.blockChange(run.from, run.to) < config.transitionMinChange()
                || isMotion(frames, run.from, run.to)) {
            return null;
        }
        String kind = kind(frames, run.from, run.to);
        double score = Math.max(0, 1 - error / (config.transitionMaxError() * span + NOISE));
        return new Transition(start, end, kind, score, openStart, openEnd);
    }

    /** Whether a shift of frame {@code a} by a few pixels comes close to frame {@code b}: motion, not a blend. */
    private static boolean shiftExplains(LumaFrames frames, int a, int b, double span) {
        return frames.bestShiftedDiff(a, b, MAX_SHIFT) < 0.5 * span;
    }

    /**
     * Whether the change from frame {@code a} to frame {@code b} is largely a displacement of the picture: a
     * slow pan or zoom of smooth, blurry content changes the block averages nearly linearly for a second or
     * two and so fits a blend line, but shifting {@code a} by a few pixels removes much of its difference to
     * {@code b}. Across a dissolve or fade the picture is replaced, and no shift helps by more than a little.
     */
    private static boolean isMotion(LumaFrames frames, int a, int b) {
        return frames.bestShiftedDiff(a, b, MOTION_SHIFT) < MOTION_SHARE * frames.pixelChange(a, b);
    }

    /**
     * fade-out, fade-in or dissolve: on the line {@code A + λ (B - A)} the most uniform picture is at
     * {@code λ = -cov(A, B - A) / var(B - A)}; when little structure is left there, it is a fade, towards that
     * picture when it lies ahead ({@code λ > 1/2}), from it otherwise.
     */
    static String kind(LumaFrames frames, int from, int to) {
        int[] a = frames.get(from);
        int[] b = frames.get(to);
        double n = a.length;
        double sa = 0;
        double sd = 0;
        double saa = 0;
        double sdd = 0;
        double sad = 0;
        double sbb = 0;
        double sb = 0;
        for (int p = 0; p < a.length; p++) {
            double d = b[p] - a[p];
            sa += a[p];
            sb += b[p];
            sd += d;
            saa += (double) a[p] * a[p];
            sbb += (double) b[p] * b[p];
            sdd += d * d;
            sad += a[p] * d;
        }
        double varA = saa / n - (sa / n) * (sa / n);
        double varB = sbb / n - (sb / n) * (sb / n);
        double varD = sdd / n - (sd / n) * (sd / n);
        double cov = sad / n - (sa / n) * (sd / n);
        if (varD <= 0) {
            return "dissolve";
        }
        double lambda = -cov / varD;
        double leftVar = Math.max(0, varA - cov * cov / varD);
        double structure = Math.sqrt(Math.max(varA, varB));
        if (structure == 0 || Math.sqrt(leftVar) > UNIFORM_SHARE * structure) {
            return "dissolve";
        }
        return lambda > 0.5 ? "fade-out" : "fade-in";
    }
}
