package io.cuepoint.analyzer.track;

import io.cuepoint.analyzer.wire.Box;
import java.util.Arrays;
import java.util.List;

/**
 * Scores track–detection pairs, rules out the impossible ones (gating) and picks the one-to-one matching
 * of least total cost with {@link LinearAssignment}.
 *
 * <p>Cost = (1 − IoU of the predicted and detected boxes) + {@code distanceWeight} × (distance between
 * their centres ÷ the gate). The distance is measured in standard deviations of the track's prediction
 * (a Mahalanobis distance), and those scale with the box's own size and grow with the time since the track
 * was last seen. IoU alone fails for what moves more than its own size between two samples (a hand or a
 * ball sampled once a second): its boxes never overlap, and every such pair would look equally bad; the
 * size-relative distance still ranks them, and means the same for a face as for a whole person.
 *
 * <p>A pair is allowed only when the labels agree, neither side of the boxes differs by more than
 * {@code maxSizeRatio}, and the detection overlaps the prediction ({@code minIou}) or its centre lies
 * within {@code maxCentreSigmas} standard deviations of the predicted centre.
 *
 * <p>Each track and each detection may also stay unmatched, at half the cost of the worst allowed pair
 * (plus a margin). Every allowed pair is still worth taking on its own; what this prevents is the
 * "maximum matching" failure in a crowd: when a target goes undetected, its track would otherwise take a
 * neighbour's detection, and that neighbour's track the next one's, a chain of wrong pairs bought for one
 * more match. Measured on the crowd of {@code RandomWalkersTest} sampled once a second, this cuts identity
 * switches by about three quarters.
 */
final class Association {
    /** Cost of a ruled-out pair: larger than any sum of allowed costs, so never chosen over them. */
    static final double FORBIDDEN = 1e9;
    /** How much more than the worst allowed pair leaving a track and a detection both unmatched costs. */
    private static final double UNMATCHED_MARGIN = 0.1;

    private final TrackerConfig config;
    private final double unmatchedCost;

    Association(TrackerConfig config) {
        this.config = config;
        this.unmatchedCost = (1 + config.distanceWeight() + UNMATCHED_MARGIN) / 2;
    }

    /**
     * Matches tracks to detections at least total cost, counting {@link #unmatchedCost} for each track and
     * each detection left over.
     *
     * @param candidates indices into {@code detections} open to matching
     * @return for each track, the detection index it takes, or -1
     */
    int[] match(List<Track> tracks, List<Detection> detections, int[] candidates) {
        int n = tracks.size();
        int m = candidates.length;
        int[] result = new int[n];
        Arrays.fill(result, -1);
        if (n == 0 || m == 0) {
            return result;
        }
        // The usual square extension: a "stay unmatched" column per track, a "stay unmatched" row per
        // detection, and free pairings of those two dummies with each other.
        double[][] cost = new double[n + m][m + n];
        for (double[] row : cost) {
            Arrays.fill(row, FORBIDDEN);
        }
        for (int t = 0; t < n; t++) {
            for (int c = 0; c < m; c++) {
                cost[t][c] = cost(tracks.get(t), detections.get(candidates[c]));
            }
            cost[t][m + t] = unmatchedCost;
        }
        for (int c = 0; c < m; c++) {
            cost[n + c][c] = unmatchedCost;
            Arrays.fill(cost[n + c], m, m + n, 0);
        }
        int[] chosen = LinearAssignment.solve(cost);
        for (int t = 0; t < n; t++) {
            if (chosen[t] < m && cost[t][chosen[t]] < FORBIDDEN) {
                result[t] = candidates[chosen[t]];
            }
        }
        return result;
    }

    /** The cost of continuing {@code track} with {@code detection}, or {@link #FORBIDDEN}. */
    double cost(Track track, Detection detection) {
        if (!track.label.equals(detection.label())) {
            return FORBIDDEN;
        }
        Box p = track.predicted;
        Box d = detection.box();
        if (ratio(width(p), width(d)) > config.maxSizeRatio() || ratio(height(p), height(d)) > config.maxSizeRatio()) {
            return FORBIDDEN;
        }
        double iou = p.iou(d);
        double sigmas = Math.sqrt(track.filter.centreDistanceSquared(d)) / config.maxCentreSigmas();
        if (iou < config.minIou() && sigmas > 1) {
            return FORBIDDEN;
        }
        // Inside the gate the distance term runs from 0 to distanceWeight; a pair let in by its overlap
        // alone counts as at the gate's edge.
        return (1 - iou) + config.distanceWeight() * Math.min(1, sigmas);
    }

    private static double width(Box b) {
        return Math.max(BoxKalmanFilter.MIN_SIZE, b.right() - b.left());
    }

    private static double height(Box b) {
        return Math.max(BoxKalmanFilter.MIN_SIZE, b.bottom() - b.top());
    }

    private static double ratio(double a, double b) {
        return Math.max(a, b) / Math.min(a, b);
    }
}
