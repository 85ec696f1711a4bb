package io.cuepoint.analyzer.detect;

/**
 * Signal helpers of {@link CameraDetector} over per-frame series in which NaN marks a frame whose motion
 * is unknown (a cut, too little texture, too few agreeing tracks).
 */
final class MotionSeries {
    private MotionSeries() {
    }

    /** Centred moving average over the known values within {@code half} frames; NaN where none is known. */
    static double[] smooth(double[] values, int half) {
        var out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double sum = 0;
            int count = 0;
            for (int j = Math.max(0, i - half); j <= Math.min(values.length - 1, i + half); j++) {
                if (!Double.isNaN(values[j])) {
                    sum += values[j];
                    count++;
                }
            }
            out[i] = count == 0 ? Double.NaN : sum / count;
        }
        return out;
    }

    /**
     * Direction labels with hysteresis: 1 while the value is positive and has reached {@code on} without
     * falling below {@code off} since, 2 likewise for negative values, 0 otherwise (and where unknown).
     */
    static int[] hysteresis(double[] values, double on, double off) {
        var labels = new int[values.length];
        int state = 0;
        for (int i = 0; i < values.length; i++) {
            double v = Double.isNaN(values[i]) ? 0 : values[i];
            if (state == 1 && v < off || state == 2 && v > -off) {
                state = 0;
            }
            if (state == 0) {
                state = v >= on ? 1 : v <= -on ? 2 : 0;
            }
            labels[i] = state;
        }
        return labels;
    }

    /**
     * Shrinks every labelled stretch to where the unsmoothed motion is really there: smoothing spreads
     * the start and end of a motion over half a window on each side. Edge frames whose raw magnitude (a
     * median of three) stays below half the stretch's median magnitude are dropped.
     */
    static void trim(int[] labels, double[] raw) {
        int from = 0;
        for (int i = 1; i <= labels.length; i++) {
            if (i < labels.length && labels[i] == labels[from]) {
                continue;
            }
            if (labels[from] != 0) {
                trimRun(labels, raw, from, i);
            }
            from = i;
        }
    }

    private static void trimRun(int[] labels, double[] raw, int from, int to) {
        var magnitudes = new double[to - from];
        for (int i = from; i < to; i++) {
            magnitudes[i - from] = median3(raw, i);
        }
        var sorted = magnitudes.clone();
        java.util.Arrays.sort(sorted);
        double half = sorted[sorted.length / 2] / 2;
        int start = from;
        while (start < to && !(magnitudes[start - from] >= half)) {
            labels[start++] = 0;
        }
        int end = to - 1;
        while (end > start && !(magnitudes[end - from] >= half)) {
            labels[end--] = 0;
        }
    }

    /** Median magnitude of the known raw values at {@code i - 1 .. i + 1}; 0 when none is known. */
    private static double median3(double[] raw, int i) {
        var known = new double[3];
        int count = 0;
        for (int j = Math.max(0, i - 1); j <= Math.min(raw.length - 1, i + 1); j++) {
            if (!Double.isNaN(raw[j])) {
                known[count++] = Math.abs(raw[j]);
            }
        }
        if (count == 0) {
            return 0;
        }
        java.util.Arrays.sort(known, 0, count);
        return count == 2 ? (known[0] + known[1]) / 2 : known[count / 2];
    }

    /** Root mean square of the known values within {@code half} frames; NaN where none is known. */
    static double[] movingRms(double[] values, int half) {
        var squares = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            squares[i] = values[i] * values[i];
        }
        var mean = smooth(squares, half);
        for (int i = 0; i < mean.length; i++) {
            mean[i] = Math.sqrt(mean[i]);
        }
        return mean;
    }

    /** Mean of the known values in {@code [from, to)}; 0 when none is known. */
    static double mean(double[] values, int from, int to) {
        double sum = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(values[i])) {
                sum += values[i];
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    /** Mean magnitude of the known values in {@code [from, to)}; 0 when none is known. */
    static double meanMagnitude(double[] values, int from, int to) {
        double sum = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(values[i])) {
                sum += Math.abs(values[i]);
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
