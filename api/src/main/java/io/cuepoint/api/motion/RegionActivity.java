package io.cuepoint.api.motion;

import io.cuepoint.analyzer.wire.Box;
import io.cuepoint.api.ApiException;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures a region of interest on the motion grids and splits the video into active and idle intervals, the
 * way the analyzer's motion detector does for the whole picture: a centred moving average over the region's
 * share, then two thresholds (hysteresis, so noise around one threshold does not flicker).
 */
public final class RegionActivity {
    public static final String ACTIVE = "region.active";
    public static final String IDLE = "region.idle";

    /**
     * @param activeOn  smoothed share at which idle turns active (default 0.05: a twentieth of the region moves)
     * @param activeOff smoothed share below which active turns idle (default 0.02, at most activeOn)
     * @param smoothing samples of the centred moving average (default 3, 1 = none; samples are about 250 ms)
     */
    public record Thresholds(double activeOn, double activeOff, int smoothing) {
        public static final double DEFAULT_ON = 0.05;
        public static final double DEFAULT_OFF = 0.02;
        public static final int DEFAULT_SMOOTHING = 3;

        /** @throws ApiException 400 for values out of range */
        public Thresholds {
            if (!(activeOn >= 0 && activeOn <= 1) || !(activeOff >= 0 && activeOff <= 1)) {
                throw ApiException.badRequest("activeOn and activeOff must lie between 0 and 1");
            }
            if (activeOff > activeOn) {
                throw ApiException.badRequest("activeOff (" + activeOff + ") must not exceed activeOn (" + activeOn
                        + ")");
            }
            if (smoothing < 1 || smoothing > 101) {
                throw ApiException.badRequest("smoothing must be 1 to 101 samples");
            }
        }
    }

    private RegionActivity() {
    }

    /** The region's share at every sample and its intervals. */
    public static RegionMotion measure(String name, Box box, MotionGrids grids, Thresholds thresholds) {
        var samples = grids.samples();
        var series = new ArrayList<RegionMotion.Point>(samples.size());
        var shares = new double[samples.size()];
        double[] weights = null;
        int cols = -1;
        int rows = -1;
        for (int i = 0; i < shares.length; i++) {
            var s = samples.get(i);
            if (s.cols() != cols || s.rows() != rows) {
                cols = s.cols();
                rows = s.rows();
                weights = weights(box, cols, rows);
            }
            shares[i] = share(s, weights);
            series.add(new RegionMotion.Point(s.ptsMs(), s.frame(), Heatmap.round(shares[i])));
        }
        return new RegionMotion(name, box, thresholds, series, intervals(grids, shares, thresholds));
    }

    /** How much of each cell the box covers, normalized so that the weights add up to 1. */
    static double[] weights(Box box, int cols, int rows) {
        var w = new double[cols * rows];
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            double h = Math.min(box.bottom(), (r + 1.0) / rows) - Math.max(box.top(), (double) r / rows);
            for (int c = 0; c < cols; c++) {
                double wd = Math.min(box.right(), (c + 1.0) / cols) - Math.max(box.left(), (double) c / cols);
                if (h > 0 && wd > 0) {
                    w[r * cols + c] = h * wd;
                    sum += h * wd;
                }
            }
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    private static double share(MotionGrids.Sample s, double[] weights) {
        double share = 0;
        for (int c = 0; c < weights.length; c++) {
            if (weights[c] > 0) {
                share += weights[c] * s.share(c);
            }
        }
        return share;
    }

    private static List<RegionMotion.Interval> intervals(MotionGrids grids, double[] shares, Thresholds t) {
        var samples = grids.samples();
        var out = new ArrayList<RegionMotion.Interval>();
        if (shares.length == 0) {
            return out;
        }
        boolean[] active = hysteresis(smooth(shares, t.smoothing()), t);
        int from = 0;
        for (int i = 1; i <= shares.length; i++) {
            if (i < shares.length && active[i] == active[from]) {
                continue;
            }
            boolean first = from == 0;
            boolean last = i == shares.length;
            double sum = 0;
            for (int k = from; k < i; k++) {
                sum += shares[k];
            }
            out.add(new RegionMotion.Interval(active[from] ? ACTIVE : IDLE,
                    first ? grids.startMs() : samples.get(from).ptsMs(),
                    last ? grids.endMs() : samples.get(i).ptsMs(),
                    first ? grids.firstFrame() : samples.get(from).frame(),
                    last ? grids.lastFrame() : samples.get(i).frame() - 1,
                    Heatmap.round(sum / (i - from)), i - from));
            from = i;
        }
        return out;
    }

    private static double[] smooth(double[] values, int window) {
        int half = window / 2;
        var out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            int from = Math.max(0, i - half);
            int to = Math.min(values.length, i + half + 1);
            double sum = 0;
            for (int k = from; k < to; k++) {
                sum += values[k];
            }
            out[i] = sum / (to - from);
        }
        return out;
    }

    private static boolean[] hysteresis(double[] smoothed, Thresholds t) {
        var active = new boolean[smoothed.length];
        boolean state = smoothed[0] >= t.activeOn();
        for (int i = 0; i < smoothed.length; i++) {
            state = state ? smoothed[i] >= t.activeOff() : smoothed[i] >= t.activeOn();
            active[i] = state;
        }
        return active;
    }
}
