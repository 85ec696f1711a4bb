package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * The audience's attention where the camera sees several faces: per sample, the faces other than the
 * presenter's and the share of them turned to the camera. Stretches where at least
 * {@link PresenterConfig#audienceMinFaces()} such faces are seen (after the moving median, so one missed
 * face does not cut a stretch) are split where the smoothed share moves away from the stretch's running
 * mean by {@link PresenterConfig#audienceSplit()} or more.
 */
final class AudienceFacing {
    /** The per-sample measures: number of audience faces, facing share (NaN without faces), mean face score. */
    record Measures(double[] faces, double[] share, double[] score) {
    }

    private AudienceFacing() {
    }

    /**
     * @param faces        per sample, its {@code face.detected} events
     * @param presenterFace per sample, the presenter's face event or null
     */
    static Measures measure(List<List<Event>> faces, Event[] presenterFace) {
        int n = faces.size();
        var count = new double[n];
        var share = new double[n];
        var score = new double[n];
        for (int i = 0; i < n; i++) {
            int seen = 0;
            int facing = 0;
            double scores = 0;
            for (var face : faces.get(i)) {
                if (face == presenterFace[i]) {
                    continue;
                }
                seen++;
                scores += face.confidence();
                if (Boolean.TRUE.equals(face.attributes().get("facingCamera"))) {
                    facing++;
                }
            }
            count[i] = seen;
            share[i] = seen == 0 ? Double.NaN : facing / (double) seen;
            score[i] = seen == 0 ? Double.NaN : scores / seen;
        }
        return new Measures(count, share, score);
    }

    /**
     * Labels per sample: 0 outside an audience stretch, else a number that changes where a stretch starts
     * or is split, so that {@link SampleRuns}-style runs of equal labels are the intervals.
     */
    static int[] label(Measures m, PresenterConfig config) {
        int n = m.faces().length;
        var enough = SampleRuns.median(m.faces(), config.smoothing());
        var share = SampleRuns.median(m.share(), config.smoothing());
        var labels = new int[n];
        int label = 0;
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (enough[i] < config.audienceMinFaces()) {
                count = 0;
                continue;
            }
            if (count == 0 || Math.abs(share[i] - sum / count) >= config.audienceSplit()) {
                label++;
                sum = 0;
                count = 0;
            }
            labels[i] = label;
            sum += share[i];
            count++;
        }
        return labels;
    }

    /** The stretches of equal non-zero labels, as index pairs {@code [from, to)}. */
    static List<int[]> stretches(int[] labels) {
        var out = new ArrayList<int[]>();
        int from = 0;
        for (int i = 1; i <= labels.length; i++) {
            if (i < labels.length && labels[i] == labels[from]) {
                continue;
            }
            if (labels[from] != 0) {
                out.add(new int[] {from, i});
            }
            from = i;
        }
        return out;
    }
}
