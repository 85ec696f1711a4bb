package io.cuepoint.analyzer.detect;

import io.cuepoint.ingest.wire.FrameRecord;
import java.util.List;

/**
 * The presenter's wrists in the body's frame ({@link BodyFrame}), sample by sample: how fast they move
 * against the shoulders, and how far each is above the shoulder line.
 *
 * <p>Speed at sample i is the distance a wrist travels to sample i + 1 over the time between them (a
 * forward difference, so a movement's run of fast samples starts on the sample where it starts and ends
 * on the one where it stops); the faster wrist counts. The last sample repeats the speed before it.
 * Where the presenter or a wrist is not seen on both samples the speed is NaN (no evidence of movement).
 */
final class GestureMeter {
    static final String[] WRISTS = {"left_wrist", "right_wrist"};
    static final String[] HANDS = {"left", "right"};

    private GestureMeter() {
    }

    /** Wrist speed in shoulder widths per second, per sample. */
    static double[] speeds(BodyFrame[] bodies, List<FrameRecord> samples) {
        int n = bodies.length;
        var speeds = new double[n];
        for (int i = 0; i + 1 < n; i++) {
            speeds[i] = Double.NaN;
            if (bodies[i] == null || bodies[i + 1] == null) {
                continue;
            }
            double seconds = Math.max(1, samples.get(i + 1).ptsMs() - samples.get(i).ptsMs()) / 1000.0;
            for (var wrist : WRISTS) {
                var a = bodies[i].relative(wrist);
                var b = bodies[i + 1].relative(wrist);
                if (a != null && b != null) {
                    double speed = Math.hypot(b[0] - a[0], b[1] - a[1]) / seconds;
                    speeds[i] = Double.isNaN(speeds[i]) ? speed : Math.max(speeds[i], speed);
                }
            }
        }
        if (n > 0) {
            speeds[n - 1] = n > 1 ? speeds[n - 2] : Double.NaN;
        }
        return speeds;
    }

    /**
     * How far one wrist is above the shoulder line, in shoulder widths (negative below), per sample; NaN
     * where it is not seen.
     *
     * @param hand 0 for the person's left, 1 for the right
     */
    static double[] elevation(BodyFrame[] bodies, int hand) {
        var out = new double[bodies.length];
        for (int i = 0; i < bodies.length; i++) {
            var wrist = bodies[i] == null ? null : bodies[i].relative(WRISTS[hand]);
            // Relative y grows downwards from the shoulder centre.
            out[i] = wrist == null ? Double.NaN : -wrist[1];
        }
        return out;
    }
}
