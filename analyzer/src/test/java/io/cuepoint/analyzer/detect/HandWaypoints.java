package io.cuepoint.analyzer.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * A hand path with a known truth: straight moves between waypoints (time in ms, position in diagonals), resting
 * where two consecutive waypoints are at the same place.
 */
record HandWaypoints(List<double[]> points) {
    static HandWaypoints of(double... tXy) {
        var points = new ArrayList<double[]>();
        for (int i = 0; i < tXy.length; i += 3) {
            points.add(new double[] {tXy[i], tXy[i + 1], tXy[i + 2]});
        }
        return new HandWaypoints(List.copyOf(points));
    }

    double[] at(double ms) {
        for (int i = 1; i < points.size(); i++) {
            var a = points.get(i - 1);
            var b = points.get(i);
            if (ms <= b[0]) {
                double f = b[0] == a[0] ? 1 : Math.max(0, (ms - a[0]) / (b[0] - a[0]));
                return new double[] {a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])};
            }
        }
        var last = points.get(points.size() - 1);
        return new double[] {last[1], last[2]};
    }

    double pathLength() {
        double sum = 0;
        for (int i = 1; i < points.size(); i++) {
            sum += Math.hypot(points.get(i)[1] - points.get(i - 1)[1], points.get(i)[2] - points.get(i - 1)[2]);
        }
        return sum;
    }

    /** The moving stretches [start, end) in ms, consecutive moves joined. */
    List<long[]> moving() {
        var out = new ArrayList<long[]>();
        for (int i = 1; i < points.size(); i++) {
            var a = points.get(i - 1);
            var b = points.get(i);
            if (a[1] == b[1] && a[2] == b[2]) {
                continue;
            }
            if (!out.isEmpty() && out.get(out.size() - 1)[1] == (long) a[0]) {
                out.get(out.size() - 1)[1] = (long) b[0];
            } else {
                out.add(new long[] {(long) a[0], (long) b[0]});
            }
        }
        return out;
    }

    /** Rest time within [fromMs, toMs). */
    long idleMs(long fromMs, long toMs) {
        long moving = 0;
        for (var m : moving()) {
            moving += Math.max(0, Math.min(toMs, m[1]) - Math.max(fromMs, m[0]));
        }
        return toMs - fromMs - moving;
    }
}
