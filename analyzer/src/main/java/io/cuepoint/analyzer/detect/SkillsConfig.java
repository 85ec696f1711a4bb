package io.cuepoint.analyzer.detect;

import static io.cuepoint.analyzer.EnvironmentKeys.integer;
import static io.cuepoint.analyzer.EnvironmentKeys.real;

import io.cuepoint.analyzer.AnalyzerException;
import java.util.Map;

/**
 * Tuning of {@link SkillsDetector}. Positions are in frame diagonals, speeds in diagonals per second, so the
 * thresholds hold for any resolution and aspect.
 *
 * @param wristMinScore  MoveNet score a wrist keypoint needs to count as seen, 0 to 1
 *                       (env {@code CUEPOINT_SKILLS_WRIST_MIN_SCORE}, default 0.3, MoveNet's own "visible" level);
 *                       where fewer than half of a wrist's samples reach it, those down to half of it are used,
 *                       measured with {@link #coarse()} smoothing
 * @param activeOn       smoothed hand speed, diagonals per second, at which a resting hand starts a movement
 *                       (env {@code CUEPOINT_SKILLS_ACTIVE_ON}, default 0.06): a deliberate reach crosses a
 *                       tenth of the picture in well under a second, while a resting wrist's keypoint jitter
 *                       reads about 0.01 to 0.03
 * @param activeOff      smoothed speed below which a movement ends (env {@code CUEPOINT_SKILLS_ACTIVE_OFF},
 *                       default 0.035, at most activeOn); the gap to activeOn is the hysteresis that keeps a
 *                       movement whole while it slows down
 * @param minMovementMs  shorter movements count as rest (env {@code CUEPOINT_SKILLS_MIN_MOVEMENT_MS},
 *                       default 500, two samples at 4 per second)
 * @param smoothing      samples in the centred outlier filter over positions (env
 *                       {@code CUEPOINT_SKILLS_SMOOTHING}, default 5, odd, 1 = none); see {@link HandPath}
 * @param maxGapMs       a hand unseen for at most this long is bridged by a straight line; a longer dropout
 *                       splits its track and is left out of the tracked time
 *                       (env {@code CUEPOINT_SKILLS_MAX_GAP_MS}, default 1000)
 */
public record SkillsConfig(double wristMinScore, double activeOn, double activeOff, long minMovementMs, int smoothing,
                           long maxGapMs) {
    public static final String SKILLS_WRIST_MIN_SCORE = "CUEPOINT_SKILLS_WRIST_MIN_SCORE";
    public static final String SKILLS_ACTIVE_ON = "CUEPOINT_SKILLS_ACTIVE_ON";
    public static final String SKILLS_ACTIVE_OFF = "CUEPOINT_SKILLS_ACTIVE_OFF";
    public static final String SKILLS_MIN_MOVEMENT_MS = "CUEPOINT_SKILLS_MIN_MOVEMENT_MS";
    public static final String SKILLS_SMOOTHING = "CUEPOINT_SKILLS_SMOOTHING";
    public static final String SKILLS_MAX_GAP_MS = "CUEPOINT_SKILLS_MAX_GAP_MS";

    public SkillsConfig {
        if (activeOff > activeOn) {
            throw new IllegalArgumentException("activeOff " + activeOff + " exceeds activeOn " + activeOn);
        }
        if (smoothing < 1 || smoothing % 2 == 0) {
            throw new IllegalArgumentException("smoothing must be odd and at least 1, got " + smoothing);
        }
    }

    /**
     * The same with about twice the outlier filter's window, for wrists read below {@link #wristMinScore()}:
     * a weak keypoint jumps more often, and longer.
     */
    public SkillsConfig coarse() {
        return new SkillsConfig(wristMinScore, activeOn, activeOff, minMovementMs, 2 * smoothing + 1, maxGapMs);
    }

    public static SkillsConfig defaults() {
        return new SkillsConfig(0.3, 0.06, 0.035, 500, 5, 1000);
    }

    /**
     * The configuration from environment variables (the keys above), each checked against its range.
     *
     * @throws AnalyzerException naming the key of a bad value
     */
    public static SkillsConfig fromEnvironment(Map<String, String> env) {
        var d = SkillsConfig.defaults();
        double on = real(env, SKILLS_ACTIVE_ON, d.activeOn(), 0.0001, 100);
        double off = real(env, SKILLS_ACTIVE_OFF, d.activeOff(), 0, 100);
        if (off > on) {
            throw new AnalyzerException(SKILLS_ACTIVE_OFF + " (" + off + ") must not exceed " + SKILLS_ACTIVE_ON
                    + " (" + on + ")");
        }
        int smoothing = integer(env, SKILLS_SMOOTHING, d.smoothing(), 1, 99);
        if (smoothing % 2 == 0) {
            throw new AnalyzerException(SKILLS_SMOOTHING + " must be odd (a centred window), got " + smoothing);
        }
        return new SkillsConfig(real(env, SKILLS_WRIST_MIN_SCORE, d.wristMinScore(), 0, 1), on, off,
                integer(env, SKILLS_MIN_MOVEMENT_MS, (int) d.minMovementMs(), 0, 600_000), smoothing,
                integer(env, SKILLS_MAX_GAP_MS, (int) d.maxGapMs(), 0, 600_000));
    }
}
