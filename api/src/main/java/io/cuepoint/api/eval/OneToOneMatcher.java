package io.cuepoint.api.eval;

import io.cuepoint.analyzer.track.LinearAssignment;
import java.util.Arrays;

/**
 * Pairs labels with detections one to one: the largest number of pairs, and among those the least total
 * cost (distance in frames for instants, 1 − temporal IoU for intervals). Solved exactly with the Hungarian
 * method ({@link LinearAssignment}) on a matrix padded with one "unmatched" column per label, whose cost is
 * larger than any sum of real costs, so that one more pair always beats a cheaper set of fewer pairs.
 * Greedy pairing by distance can lose pairs (a detection between two labels taken by the wrong one), which
 * would count against a detector for the scorer's choice, not for what it reported.
 */
public final class OneToOneMatcher {
    /** The cost of pairing label {@code t} with detection {@code d}; NaN when they cannot be paired. */
    @FunctionalInterface
    public interface Cost {
        double of(int t, int d);
    }

    private OneToOneMatcher() {
    }

    /**
     * @param maxCost the largest cost a feasible pair can have
     * @return for each label the index of its detection, or -1
     */
    public static int[] match(int labels, int detections, double maxCost, Cost cost) {
        int[] none = new int[labels];
        Arrays.fill(none, -1);
        if (labels == 0 || detections == 0) {
            return none;
        }
        double unmatched = (maxCost + 1) * (labels + 1);
        var matrix = new double[labels][detections + labels];
        var feasible = new boolean[labels][detections];
        for (int t = 0; t < labels; t++) {
            Arrays.fill(matrix[t], unmatched);
            for (int d = 0; d < detections; d++) {
                double c = cost.of(t, d);
                if (!Double.isNaN(c)) {
                    feasible[t][d] = true;
                    matrix[t][d] = c;
                }
            }
        }
        int[] assigned = LinearAssignment.solve(matrix);
        for (int t = 0; t < labels; t++) {
            int d = assigned[t];
            none[t] = d >= 0 && d < detections && feasible[t][d] ? d : -1;
        }
        return none;
    }

    /** Instants within {@code tolerance} (same unit as the positions), cost = distance. */
    public static int[] instants(long[] labels, long[] detections, double tolerance) {
        return match(labels.length, detections.length, tolerance, (t, d) -> {
            double distance = Math.abs(labels[t] - detections[d]);
            return distance <= tolerance + 1e-9 ? distance : Double.NaN;
        });
    }

    /**
     * Intervals {@code [start, end)} paired when their temporal IoU (intersection over union of the spans)
     * is at least {@code minIou}; cost = 1 − IoU.
     */
    public static int[] intervals(long[][] labels, long[][] detections, double minIou) {
        return match(labels.length, detections.length, 1 - minIou, (t, d) -> {
            double iou = iou(labels[t], detections[d]);
            return iou >= minIou - 1e-12 ? 1 - iou : Double.NaN;
        });
    }

    /** Temporal IoU of two half-open spans {@code {start, end}}; 0 when either is empty. */
    public static double iou(long[] a, long[] b) {
        long inter = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
        long union = Math.max(a[1], b[1]) - Math.min(a[0], b[0]);
        if (inter <= 0 || union <= 0 || a[1] <= a[0] || b[1] <= b[0]) {
            return 0;
        }
        return inter / (double) union;
    }
}
