package io.cuepoint.analyzer.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The movement metrics of one hand from its positions over time: path length, speeds, rest and movements.
 * Pure (positions in, numbers out) so that it is tested on synthetic tracks with a known truth.
 *
 * <p>Keypoint positions jitter by a few pixels from frame to frame even on a still hand, and summing that
 * jitter would inflate the path length most where the hand does nothing. Two measures keep it out:
 * <ul>
 *   <li>An outlier filter (Hampel): a position further from the median of the
 *       {@link SkillsConfig#smoothing()} samples around it than three robust deviations (and at least
 *       {@value #OUTLIER_FLOOR} diagonals) is replaced by that median. Unlike a moving mean or median it leaves
 *       every other sample untouched, so a straight stroke keeps its length and the turning point of a
 *       back-and-forth movement is not cut off, while a wrist that flips to a wrong place for one frame is put
 *       back.</li>
 *   <li>A rest counts only its net displacement (a slow drift) towards the path, not the sum of its jittery
 *       steps: below the movement threshold a step is indistinguishable from noise.</li>
 *   <li>A movement's path is the sum of its straight steps between positions smoothed by a centred
 *       [1/4, 1/2, 1/4] kernel. Noise along the direction of travel cancels out in the sum anyway; noise across it
 *       adds about sigma squared over the step length per step (several percent for a wrist at 4 samples per
 *       second), and the kernel cuts that eightfold. A straight stroke at constant speed, and the start and end of
 *       a movement from and to rest (its end positions are taken as measured), keep their length exactly; a turning point without a pause loses about half
 *       a step.</li>
 * </ul>
 * A sample less than {@value #MIN_STEP_MS} ms after the previous one (a segment's lead-in and its first sample)
 * is dropped: over so short a step jitter reads as a large speed. Samples further apart than
 * {@link SkillsConfig#maxGapMs()} split the track; the gap is not tracked time.
 */
public final class HandPath {
    /** Diagonals: a replaced outlier is at least this far from its neighbours' median (about 15 px at 720p). */
    static final double OUTLIER_FLOOR = 0.01;
    /** Shortest step between two samples that are both used. */
    static final long MIN_STEP_MS = 100;

    private HandPath() {
    }

    /**
     * A movement or a rest: from one sample to a later one (the end sample begins what follows).
     *
     * @param pathLength diagonals travelled
     * @param meanSpeed  path length per second of the run
     * @param peakSpeed  the highest smoothed step speed in it
     */
    public record Run(boolean active, HandSample first, HandSample last, double pathLength, double meanSpeed,
                      double peakSpeed) {
        public long durationMs() {
            return last.ms() - first.ms();
        }
    }

    /** Everything measured on one hand; speeds are 0 and the idle share 1 when nothing was tracked. */
    public record Measure(List<Run> runs, double pathLength, long trackedMs, long idleMs, double peakSpeed,
                          int movementCount) {
        public double meanSpeed() {
            return trackedMs == 0 ? 0 : pathLength * 1000 / trackedMs;
        }

        public double idleShare() {
            return trackedMs == 0 ? 1 : (double) idleMs / trackedMs;
        }
    }

    /** Measures one hand's samples, in time order. */
    public static Measure measure(List<HandSample> all, SkillsConfig config) {
        var samples = new ArrayList<HandSample>(all.size());
        for (var sample : all) {
            if (samples.isEmpty() || sample.ms() - samples.get(samples.size() - 1).ms() >= MIN_STEP_MS) {
                samples.add(sample);
            }
        }
        var runs = new ArrayList<Run>();
        int from = 0;
        for (int i = 1; i <= samples.size(); i++) {
            if (i == samples.size() || samples.get(i).ms() - samples.get(i - 1).ms() > config.maxGapMs()) {
                if (i - from >= 2) {
                    runs.addAll(piece(filtered(samples.subList(from, i), config.smoothing()), config));
                }
                from = i;
            }
        }
        double path = 0;
        double peak = 0;
        long tracked = 0;
        long idle = 0;
        int movements = 0;
        for (var run : runs) {
            path += run.pathLength();
            peak = Math.max(peak, run.peakSpeed());
            tracked += run.durationMs();
            if (run.active()) {
                movements++;
            } else {
                idle += run.durationMs();
            }
        }
        return new Measure(List.copyOf(runs), path, tracked, idle, peak, movements);
    }

    private static List<Run> piece(List<HandSample> s, SkillsConfig config) {
        int steps = s.size() - 1;
        var lengths = new double[steps];
        var speeds = new double[steps];
        var durations = new long[steps];
        for (int i = 0; i < steps; i++) {
            lengths[i] = Math.hypot(s.get(i + 1).x() - s.get(i).x(), s.get(i + 1).y() - s.get(i).y());
            durations[i] = Math.max(1, s.get(i + 1).ms() - s.get(i).ms());
            speeds[i] = lengths[i] * 1000 / durations[i];
        }
        var smoothed = MovementSegmenter.smoothedSpeeds(speeds);
        var smooth = smoothed(s);
        var active = MovementSegmenter.active(durations, smoothed, config);
        var runs = new ArrayList<Run>();
        int from = 0;
        for (int i = 1; i <= steps; i++) {
            if (i < steps && active[i] == active[from]) {
                continue;
            }
            var first = s.get(from);
            var last = s.get(i);
            double length = 0;
            double peak = 0;
            for (int k = from; k < i; k++) {
                peak = Math.max(peak, smoothed[k]);
                // The run's own end positions as measured: the smoothing must not move them into the rests.
                var a = k == from ? s.get(k) : smooth.get(k);
                var b = k + 1 == i ? s.get(k + 1) : smooth.get(k + 1);
                length += Math.hypot(b.x() - a.x(), b.y() - a.y());
            }
            if (!active[from]) {
                length = Math.hypot(last.x() - first.x(), last.y() - first.y());
            }
            long ms = Math.max(1, last.ms() - first.ms());
            runs.add(new Run(active[from], first, last, length, length * 1000 / ms, peak));
            from = i;
        }
        return runs;
    }

    /** The positions smoothed by the [1/4, 1/2, 1/4] kernel, the ends kept. */
    private static List<HandSample> smoothed(List<HandSample> s) {
        int n = s.size();
        var out = new ArrayList<HandSample>(n);
        for (int i = 0; i < n; i++) {
            var p = s.get(i);
            if (i == 0 || i == n - 1) {
                out.add(p);
            } else {
                out.add(new HandSample(p.ms(), p.frame(), (s.get(i - 1).x() + 2 * p.x() + s.get(i + 1).x()) / 4,
                        (s.get(i - 1).y() + 2 * p.y() + s.get(i + 1).y()) / 4));
            }
        }
        return out;
    }

    /** The Hampel filter described in the class comment, on the 2-D position. */
    static List<HandSample> filtered(List<HandSample> s, int window) {
        int half = window / 2;
        if (half == 0) {
            return s;
        }
        var out = new ArrayList<HandSample>(s.size());
        for (int i = 0; i < s.size(); i++) {
            int from = Math.max(0, i - half);
            int to = Math.min(s.size(), i + half + 1);
            var xs = new double[to - from];
            var ys = new double[to - from];
            for (int k = from; k < to; k++) {
                xs[k - from] = s.get(k).x();
                ys[k - from] = s.get(k).y();
            }
            double mx = median(xs);
            double my = median(ys);
            var deviations = new double[to - from];
            for (int k = 0; k < deviations.length; k++) {
                deviations[k] = Math.hypot(xs[k] - mx, ys[k] - my);
            }
            double limit = Math.max(3 * 1.4826 * median(deviations), OUTLIER_FLOOR);
            var sample = s.get(i);
            out.add(Math.hypot(sample.x() - mx, sample.y() - my) > limit
                    ? new HandSample(sample.ms(), sample.frame(), mx, my) : sample);
        }
        return out;
    }

    private static double median(double[] values) {
        var v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
