package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Camera motion: {@code camera.pan} {direction left|right, speed in frame widths per second},
 * {@code camera.tilt} {direction up|down, speed in frame heights per second}, {@code camera.zoom}
 * {direction in|out, rate: natural log of the scale change per second} and {@code camera.shake}
 * {amplitude: RMS of the jitter displacement in frame widths} intervals. Directions are the camera's:
 * a pan right moves the picture's content to the left.
 *
 * <p>The motion of every consecutive pair of thumbnails (lead-in included) comes from
 * {@link GlobalMotionEstimator}; it belongs to the earlier frame of the pair, so an interval runs from the
 * first frame the camera moves away from to the last one it moves away from. Pairs across a cut or a flash
 * (a large luma-histogram change) are not compared. The per-frame speeds are smoothed over a centred window
 * and thresholded with hysteresis; each stretch is then trimmed to where the unsmoothed motion is there
 * ({@link MotionSeries#trim}). Shake is what the smoothing removes: the residual of the translation, RMS
 * over the same window, where it outweighs the steady motion ({@link #SHAKE_DOMINANCE}). A pan or tilt must
 * move the view by {@link #MIN_TRAVEL}, and a zoom must move the picture's edges faster than the picture
 * moves sideways ({@link #ZOOM_DOMINANCE}). See {@link CameraConfig}.
 */
public final class CameraDetector implements SegmentDetector {
    public static final String NAME = "camera";
    public static final String PAN = "camera.pan";
    public static final String TILT = "camera.tilt";
    public static final String ZOOM = "camera.zoom";
    public static final String SHAKE = "camera.shake";

    /**
     * Least ratio of a pan's, tilt's or zoom's mean signed speed to its mean unsigned speed: a camera that
     * moves one way keeps the sign, a shaking one keeps changing it.
     */
    static final double MIN_CONSISTENCY = 0.6;

    /**
     * Least ratio of the jitter (RMS residual) to the steady speed it rides on for a stretch to be shake:
     * tracking over a pan or tilt is never perfectly even, and a camera that jitters while it moves one
     * way on purpose is reported as that move.
     */
    static final double SHAKE_DOMINANCE = 1.5;

    /** Least distance, in frame widths (pan) or heights (tilt), that a whole pan or tilt moves the view. */
    static final double MIN_TRAVEL = 0.05;

    /**
     * Least ratio of a zoom's edge speed (half the picture times its rate) to the picture's mean sideways
     * speed over the same frames; below it the scale change is taken for bias from the sideways motion.
     */
    static final double ZOOM_DOMINANCE = 0.5;

    private final CameraConfig config;

    public CameraDetector(CameraConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Per frame of the segment with its lead-in: the camera's motion towards the next frame, NaN if unknown. */
    private record Motion(double[] pan, double[] tilt, double[] zoom, double[] jitterX, double[] jitterY) {
    }

    @Override
    public List<Event> detect(Segment segment, DetectionContext ctx) {
        if (segment.frames().isEmpty()) {
            return List.of();
        }
        var all = segment.framesWithLeadIn();
        int offset = all.size() - segment.frames().size();
        var motion = measure(all);
        int half = halfWindow(all);
        double off = CameraConfig.OFF_SHARE;
        var events = new ArrayList<Event>();
        intervals(segment, ctx, PAN, motion.pan(), half, config.panOn(), offset, "right", "left", "speed", null, events);
        intervals(segment, ctx, TILT, motion.tilt(), half, config.panOn(), offset, "down", "up", "speed", null, events);
        intervals(segment, ctx, ZOOM, motion.zoom(), half, config.zoomOn(), offset, "in", "out", "rate", motion, events);
        // Shake: the translation (in frame widths per second on both axes) minus its smoothed self.
        var residualX = residual(motion.jitterX(), half);
        var residualY = residual(motion.jitterY(), half);
        var energy = new double[all.size()];
        for (int i = 0; i < energy.length; i++) {
            energy[i] = Math.hypot(residualX[i], residualY[i]);
        }
        var rms = MotionSeries.movingRms(energy, half);
        var steadyX = MotionSeries.smooth(motion.jitterX(), half);
        var steadyY = MotionSeries.smooth(motion.jitterY(), half);
        for (int i = 0; i < rms.length; i++) {
            // A deliberate move whose tracking is a little noisy is no shake: the jitter has to outweigh it.
            double steady = Math.hypot(steadyX[i], steadyY[i]);
            if (!(rms[i] >= SHAKE_DOMINANCE * steady)) {
                rms[i] = Double.isNaN(rms[i]) ? Double.NaN : 0;
            }
        }
        var shaking = MotionSeries.hysteresis(rms, config.shakeOn(), config.shakeOn() * off);
        MotionSeries.trim(shaking, energy);
        var labels = own(shaking, offset);
        for (var run : FrameRuns.of(segment, labels, config.minMs(), true)) {
            double amplitude = jitterAmplitude(all, motion, run.from() + offset, run.to() + offset, half);
            double level = MotionSeries.meanMagnitude(rms, run.from() + offset, run.to() + offset);
            events.add(ctx.event(segment, NAME, SHAKE, run.startMs(), run.endMs(), run.first().frame(),
                    run.last().frame(), confidence(level, config.shakeOn()),
                    Map.of("amplitude", round(amplitude)), run.fragment()));
        }
        return events;
    }

    private Motion measure(List<FrameRecord> all) {
        int n = all.size();
        var pan = nan(n);
        var tilt = nan(n);
        var zoom = nan(n);
        var jitterX = nan(n);
        var jitterY = nan(n);
        try (var estimator = new GlobalMotionEstimator(config.maxCorners(), config.ransacPixels())) {
            byte[] grey = ThumbnailLuma.grey(all.get(0).thumbnail());
            double[] hist = ThumbnailLuma.histogram(grey);
            for (int i = 0; i + 1 < n; i++) {
                var a = all.get(i);
                var b = all.get(i + 1);
                byte[] nextGrey = ThumbnailLuma.grey(b.thumbnail());
                double[] nextHist = ThumbnailLuma.histogram(nextGrey);
                double seconds = (b.ptsMs() - a.ptsMs()) / 1000.0;
                // Thumbnails narrower than a tracking window cannot be tracked; ingest makes them 64 px wide.
                boolean comparable = seconds > 0 && a.thumbWidth() == b.thumbWidth()
                        && a.thumbHeight() == b.thumbHeight() && b.thumbWidth() >= 16 && b.thumbHeight() >= 8
                        && ThumbnailLuma.distance(hist, nextHist) <= config.cutGate();
                if (comparable) {
                    var step = estimator.between(grey, nextGrey, b.thumbWidth(), b.thumbHeight(), config.minInlierShare());
                    if (step.valid()) {
                        // Content moving left (dx < 0) is the camera panning right (> 0); likewise up is tilting down.
                        pan[i] = -step.dx() / b.thumbWidth() / seconds;
                        tilt[i] = -step.dy() / b.thumbHeight() / seconds;
                        zoom[i] = Math.log(step.scale()) / seconds;
                        jitterX[i] = pan[i];
                        jitterY[i] = -step.dy() / b.thumbWidth() / seconds;
                    }
                }
                grey = nextGrey;
                hist = nextHist;
            }
        }
        return new Motion(pan, tilt, zoom, jitterX, jitterY);
    }

    private void intervals(Segment segment, DetectionContext ctx, String type, double[] raw, int half, double on,
                           int offset, String positive, String negative, String measure, Motion translation,
                           List<Event> events) {
        var labels = MotionSeries.hysteresis(MotionSeries.smooth(raw, half), on, on * CameraConfig.OFF_SHARE);
        MotionSeries.trim(labels, raw);
        for (var run : FrameRuns.of(segment, own(labels, offset), config.minMs(), true)) {
            double value = Math.abs(MotionSeries.mean(raw, run.from() + offset, run.to() + offset));
            double magnitude = MotionSeries.meanMagnitude(raw, run.from() + offset, run.to() + offset);
            if (value < MIN_CONSISTENCY * magnitude) {
                // Back and forth (shake that the smoothing did not cancel), not a steady move one way.
                continue;
            }
            if (translation == null && run.fragment() == null && value * run.durationMs() / 1000.0 < MIN_TRAVEL) {
                // A drift of a few thumbnail pixels (the wander of a shake, the bias of a zoom) is no pan or
                // tilt. Fragments are let through: their travel is only known once the api joins them.
                continue;
            }
            if (translation != null && value / 2 < ZOOM_DOMINANCE * translationSpeed(translation, run.from() + offset,
                    run.to() + offset)) {
                // The picture's edges move less by the scale change than everything moves sideways: a scale
                // estimate biased by tracks leaving the picture during a pan, tilt or shake, not a zoom.
                continue;
            }
            events.add(ctx.event(segment, NAME, type, run.startMs(), run.endMs(), run.first().frame(),
                    run.last().frame(), confidence(value, on),
                    Map.of("direction", run.label() == 1 ? positive : negative, measure, round(value)), run.fragment()));
        }
    }

    /** Mean magnitude of the unsmoothed translation over {@code [from, to)}, frame widths per second. */
    private static double translationSpeed(Motion motion, int from, int to) {
        var speed = new double[to - from];
        for (int i = from; i < to; i++) {
            speed[i - from] = Math.hypot(motion.jitterX()[i], motion.jitterY()[i]);
        }
        return MotionSeries.meanMagnitude(speed, 0, speed.length);
    }

    /** The value minus its centred moving average; NaN stays NaN. */
    private static double[] residual(double[] values, int half) {
        var smooth = MotionSeries.smooth(values, half);
        var out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] - smooth[i];
        }
        return out;
    }

    /**
     * RMS distance, in frame widths, of the camera's position from its smoothed path over {@code [from, to)}:
     * the position is the sum of the per-frame displacements, unknown steps counting as none.
     */
    private static double jitterAmplitude(List<FrameRecord> all, Motion motion, int from, int to, int half) {
        int n = all.size();
        var x = new double[n];
        var y = new double[n];
        for (int i = 1; i < n; i++) {
            double seconds = (all.get(i).ptsMs() - all.get(i - 1).ptsMs()) / 1000.0;
            x[i] = x[i - 1] + (Double.isNaN(motion.jitterX()[i - 1]) ? 0 : motion.jitterX()[i - 1] * seconds);
            y[i] = y[i - 1] + (Double.isNaN(motion.jitterY()[i - 1]) ? 0 : motion.jitterY()[i - 1] * seconds);
        }
        var sx = MotionSeries.smooth(x, half);
        var sy = MotionSeries.smooth(y, half);
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += Math.pow(x[i] - sx[i], 2) + Math.pow(y[i] - sy[i], 2);
        }
        return Math.sqrt(sum / (to - from));
    }

    /** Half the smoothing window in frames, from the segment's mean frame interval. */
    private int halfWindow(List<FrameRecord> all) {
        long span = all.get(all.size() - 1).ptsMs() - all.get(0).ptsMs();
        double frameMs = all.size() > 1 && span > 0 ? (double) span / (all.size() - 1) : 40;
        return Math.max(1, (int) Math.round(config.smoothingMs() / frameMs / 2));
    }

    private static int[] own(int[] labels, int offset) {
        var out = new int[labels.length - offset];
        System.arraycopy(labels, offset, out, 0, out.length);
        return out;
    }

    private static double[] nan(int n) {
        var values = new double[n];
        java.util.Arrays.fill(values, Double.NaN);
        return values;
    }

    /** 0.5 at the on-threshold, 1 at twice it. */
    private static double confidence(double value, double on) {
        return round(Math.min(1, value / (2 * on)));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
