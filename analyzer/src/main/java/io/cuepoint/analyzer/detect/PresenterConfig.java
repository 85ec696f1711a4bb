package io.cuepoint.analyzer.detect;

import static io.cuepoint.analyzer.EnvironmentKeys.integer;
import static io.cuepoint.analyzer.EnvironmentKeys.real;

import io.cuepoint.analyzer.AnalyzerException;
import java.util.Map;

/**
 * Tuning of {@link PresenterDetector}. Distances are in shoulder widths of the presenter (so they do
 * not depend on how large the presenter appears), times in media milliseconds. Every per-sample signal
 * is smoothed by a centred moving median of {@code smoothing} samples and then thresholded with
 * hysteresis.
 *
 * @param minKeypointScore  MoveNet score a keypoint needs to be used (env {@code CUEPOINT_PRESENTER_KEYPOINT_SCORE},
 *                          default 0.3, the score above which the pose detector draws its boxes)
 * @param minHeight         the least presenter box height, as a share of the picture height, for the limb cues
 *                          (gesturing, raised hands, posture) to be measured (env {@code CUEPOINT_PRESENTER_MIN_HEIGHT},
 *                          default 0.25): the keypoints of a smaller person jitter by a good part of a shoulder
 *                          width, which would read as constant gesturing
 * @param smoothing         samples of the moving median (env {@code CUEPOINT_PRESENTER_SMOOTHING}, default 3,
 *                          1 = none): removes one-sample dropouts without moving the edges of a run
 * @param visibleMinMs      shortest {@code presenter.visible} interval (env {@code CUEPOINT_PRESENTER_VISIBLE_MIN_MS},
 *                          default 1000)
 * @param facingMinMs       shortest {@code presenter.facing} interval (env {@code CUEPOINT_PRESENTER_FACING_MIN_MS},
 *                          default 1000)
 * @param gestureOn         wrist speed relative to the shoulders, in shoulder widths per second, at which the
 *                          presenter starts gesturing (env {@code CUEPOINT_PRESENTER_GESTURE_ON}, default 1.0)
 * @param gestureOff        speed below which gesturing stops (env {@code CUEPOINT_PRESENTER_GESTURE_OFF},
 *                          default 0.6, at most gestureOn); keypoint jitter of a still presenter stays near 0.2
 * @param gestureMinMs      shortest {@code presenter.gesturing} interval (env {@code CUEPOINT_PRESENTER_GESTURE_MIN_MS},
 *                          default 500)
 * @param raisedMargin      how far above the shoulder line a wrist must be, in shoulder widths, to count as
 *                          raised (env {@code CUEPOINT_PRESENTER_RAISED_MARGIN}, default 0.1); it stays raised
 *                          until it drops below the shoulder line
 * @param raisedMinMs       shortest {@code presenter.handRaised} interval (env {@code CUEPOINT_PRESENTER_RAISED_MIN_MS},
 *                          default 500)
 * @param postureMagnitude  mean displacement of the body's keypoints relative to the shoulders, in shoulder
 *                          widths, that makes a {@code presenter.postureChange} (env
 *                          {@code CUEPOINT_PRESENTER_POSTURE_MAGNITUDE}, default 0.4): a lean of 30 degrees or both arms raised
 * @param postureWindowMs   the configurations compared are the mean ones over this long before and after a
 *                          sample (env {@code CUEPOINT_PRESENTER_POSTURE_WINDOW_MS}, default 1000), so that a
 *                          gesture swinging back and forth is not a change of posture
 * @param audienceMinFaces  faces besides the presenter's that make an audience (env
 *                          {@code CUEPOINT_PRESENTER_AUDIENCE_MIN_FACES}, default 2)
 * @param audienceSplit     change of the facing share (0 to 1) at which an {@code audience.facing} interval is
 *                          split (env {@code CUEPOINT_PRESENTER_AUDIENCE_SPLIT}, default 0.3)
 * @param audienceMinMs     shortest {@code audience.facing} interval (env {@code CUEPOINT_PRESENTER_AUDIENCE_MIN_MS},
 *                          default 1000)
 */
public record PresenterConfig(double minKeypointScore, double minHeight, int smoothing, long visibleMinMs, long facingMinMs,
                              double gestureOn, double gestureOff, long gestureMinMs, double raisedMargin,
                              long raisedMinMs, double postureMagnitude, long postureWindowMs,
                              int audienceMinFaces, double audienceSplit, long audienceMinMs) {
    public static final String PRESENTER_KEYPOINT_SCORE = "CUEPOINT_PRESENTER_KEYPOINT_SCORE";
    public static final String PRESENTER_MIN_HEIGHT = "CUEPOINT_PRESENTER_MIN_HEIGHT";
    public static final String PRESENTER_SMOOTHING = "CUEPOINT_PRESENTER_SMOOTHING";
    public static final String PRESENTER_VISIBLE_MIN_MS = "CUEPOINT_PRESENTER_VISIBLE_MIN_MS";
    public static final String PRESENTER_FACING_MIN_MS = "CUEPOINT_PRESENTER_FACING_MIN_MS";
    public static final String PRESENTER_GESTURE_ON = "CUEPOINT_PRESENTER_GESTURE_ON";
    public static final String PRESENTER_GESTURE_OFF = "CUEPOINT_PRESENTER_GESTURE_OFF";
    public static final String PRESENTER_GESTURE_MIN_MS = "CUEPOINT_PRESENTER_GESTURE_MIN_MS";
    public static final String PRESENTER_RAISED_MARGIN = "CUEPOINT_PRESENTER_RAISED_MARGIN";
    public static final String PRESENTER_RAISED_MIN_MS = "CUEPOINT_PRESENTER_RAISED_MIN_MS";
    public static final String PRESENTER_POSTURE_MAGNITUDE = "CUEPOINT_PRESENTER_POSTURE_MAGNITUDE";
    public static final String PRESENTER_POSTURE_WINDOW_MS = "CUEPOINT_PRESENTER_POSTURE_WINDOW_MS";
    public static final String PRESENTER_AUDIENCE_MIN_FACES = "CUEPOINT_PRESENTER_AUDIENCE_MIN_FACES";
    public static final String PRESENTER_AUDIENCE_SPLIT = "CUEPOINT_PRESENTER_AUDIENCE_SPLIT";
    public static final String PRESENTER_AUDIENCE_MIN_MS = "CUEPOINT_PRESENTER_AUDIENCE_MIN_MS";

    public static PresenterConfig defaults() {
        return new PresenterConfig(0.3, 0.25, 3, 1000, 1000, 1.0, 0.6, 500, 0.1, 500, 0.4, 1000, 2, 0.3, 1000);
    }

    /**
     * The configuration from environment variables (the keys above), each checked against its range.
     *
     * @throws AnalyzerException naming the key of a bad value
     */
    public static PresenterConfig fromEnvironment(Map<String, String> env) {
        var d = PresenterConfig.defaults();
        var presenter = new PresenterConfig(
                real(env, PRESENTER_KEYPOINT_SCORE, d.minKeypointScore(), 0, 1),
                real(env, PRESENTER_MIN_HEIGHT, d.minHeight(), 0, 1),
                integer(env, PRESENTER_SMOOTHING, d.smoothing(), 1, 99),
                integer(env, PRESENTER_VISIBLE_MIN_MS, (int) d.visibleMinMs(), 0, 3_600_000),
                integer(env, PRESENTER_FACING_MIN_MS, (int) d.facingMinMs(), 0, 3_600_000),
                real(env, PRESENTER_GESTURE_ON, d.gestureOn(), 0.01, 100),
                real(env, PRESENTER_GESTURE_OFF, d.gestureOff(), 0, 100),
                integer(env, PRESENTER_GESTURE_MIN_MS, (int) d.gestureMinMs(), 0, 3_600_000),
                real(env, PRESENTER_RAISED_MARGIN, d.raisedMargin(), 0, 10),
                integer(env, PRESENTER_RAISED_MIN_MS, (int) d.raisedMinMs(), 0, 3_600_000),
                real(env, PRESENTER_POSTURE_MAGNITUDE, d.postureMagnitude(), 0.01, 100),
                integer(env, PRESENTER_POSTURE_WINDOW_MS, (int) d.postureWindowMs(), 100, 60_000),
                integer(env, PRESENTER_AUDIENCE_MIN_FACES, d.audienceMinFaces(), 1, 1000),
                real(env, PRESENTER_AUDIENCE_SPLIT, d.audienceSplit(), 0.01, 1),
                integer(env, PRESENTER_AUDIENCE_MIN_MS, (int) d.audienceMinMs(), 0, 3_600_000));
        if (presenter.gestureOff() > presenter.gestureOn()) {
            throw new AnalyzerException(PRESENTER_GESTURE_OFF + " (" + presenter.gestureOff() + ") must not exceed "
                    + PRESENTER_GESTURE_ON + " (" + presenter.gestureOn() + ")");
        }
        return presenter;
    }
}
