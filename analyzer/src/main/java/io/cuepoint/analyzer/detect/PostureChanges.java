package io.cuepoint.analyzer.detect;

import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Large changes of the presenter's posture: the configuration of head, arms and hips relative to the
 * shoulders ({@link BodyFrame}), plus the direction of the shoulder line (which turns when the torso leans
 * or turns around). At each sample the mean configuration over a window before it is compared with the one
 * over a window from it on; the magnitude is the mean displacement of the parts seen in both, in shoulder
 * widths. A change is reported at a local maximum of the magnitude that reaches the threshold, at most one
 * per window. Comparing means, not single samples, keeps keypoint jitter and a hand swinging back and forth
 * from counting, while a posture held after the change does.
 */
final class PostureChanges {
    static final String[] PARTS = {"nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_hip",
            "right_hip", "left_knee", "right_knee"};
    /** Parts that must be compared for a change to count: a couple of limbs alone are a gesture. */
    static final int MIN_PARTS = 4;

    /** A change at sample {@code at}: the first sample in the new posture. */
    record Change(int at, double magnitude) {
    }

    private PostureChanges() {
    }

    static List<Change> find(BodyFrame[] bodies, List<FrameRecord> samples, long windowMs, double threshold) {
        int n = bodies.length;
        // Per sample and part (the shoulder line last): x, y, or NaN when not seen.
        var parts = new double[n][PARTS.length + 1][];
        for (int i = 0; i < n; i++) {
            if (bodies[i] == null) {
                continue;
            }
            for (int p = 0; p < PARTS.length; p++) {
                parts[i][p] = bodies[i].relative(PARTS[p]);
            }
            parts[i][PARTS.length] = bodies[i].shoulderLine();
        }
        var magnitude = new double[n];
        for (int i = 1; i < n; i++) {
            magnitude[i] = compare(parts, samples, i, windowMs);
        }
        var changes = new ArrayList<Change>();
        for (int i = 1; i < n; i++) {
            if (magnitude[i] >= threshold && isPeak(magnitude, samples, i, windowMs)) {
                changes.add(new Change(i, magnitude[i]));
            }
        }
        return changes;
    }

    private static double compare(double[][][] parts, List<FrameRecord> samples, int at, long windowMs) {
        long t = samples.get(at).ptsMs();
        double sum = 0;
        int compared = 0;
        for (int p = 0; p < parts[0].length; p++) {
            double[] before = mean(parts, p, samples, at - 1, -1, t - windowMs);
            double[] after = mean(parts, p, samples, at, 1, t + windowMs);
            if (before != null && after != null) {
                sum += Math.hypot(after[0] - before[0], after[1] - before[1]);
                compared++;
            }
        }
        return compared < MIN_PARTS ? 0 : sum / compared;
    }

    /** The mean of one part from sample {@code from} stepping by {@code step} while within the window. */
    private static double[] mean(double[][][] parts, int p, List<FrameRecord> samples, int from, int step,
                                 long limitMs) {
        double x = 0;
        double y = 0;
        int n = 0;
        int total = 0;
        for (int i = from; i >= 0 && i < parts.length; i += step) {
            long ms = samples.get(i).ptsMs();
            if (step < 0 ? ms <= limitMs : ms >= limitMs) {
                break;
            }
            total++;
            if (parts[i][p] != null) {
                x += parts[i][p][0];
                y += parts[i][p][1];
                n++;
            }
        }
        // Seen on at least two samples and half the window's: one sighting is not a posture.
        return n >= 2 && 2 * n >= total ? new double[] {x / n, y / n} : null;
    }

    /** Whether no sample within the window either side has a larger magnitude (the earlier wins ties). */
    private static boolean isPeak(double[] magnitude, List<FrameRecord> samples, int at, long windowMs) {
        long t = samples.get(at).ptsMs();
        for (int j = 0; j < magnitude.length; j++) {
            long d = samples.get(j).ptsMs() - t;
            if (j == at || Math.abs(d) >= windowMs) {
                continue;
            }
            if (magnitude[j] > magnitude[at] || (magnitude[j] == magnitude[at] && j < at)) {
                return false;
            }
        }
        return true;
    }
}
