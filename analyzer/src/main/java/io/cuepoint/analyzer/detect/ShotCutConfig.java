package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.AnalyzerException;

/**
 * Tuning of {@link ShotCutDetector}. A frame starts a new shot when its change score against the
 * previous thumbnail (0 to 1, mean of HSV-histogram distance and mean absolute pixel difference)
 * clears both an absolute floor and an adaptive threshold, is the largest score within the minimum
 * gap, and is not a camera flash. A gradual transition is a run of frames that are blends of the
 * frames bracketing it ({@link TransitionFinder}).
 *
 * @param minScore            absolute floor of the change score, 0 to 1 (env {@code CUEPOINT_SHOT_MIN_SCORE},
 *                            default 0.02): below it nothing is a cut, however calm the surroundings
 * @param adaptiveFactor      the score must also exceed this many times the median score of the window
 *                            around it (env {@code CUEPOINT_SHOT_ADAPTIVE_FACTOR}, default 3.0), so busy,
 *                            handheld footage needs a larger jump than a static lecture camera
 * @param windowFrames        frames on each side of a candidate that form that window
 *                            (env {@code CUEPOINT_SHOT_WINDOW_FRAMES}, default 8)
 * @param minGapMs            minimum shot length: milliseconds that must separate two cuts; the stronger
 *                            one wins (env {@code CUEPOINT_SHOT_MIN_GAP_MS}, default 300)
 * @param flashFrames         longest flash in frames: a change that returns to the previous picture within
 *                            this many frames is a flash, not a cut (env {@code CUEPOINT_SHOT_FLASH_FRAMES},
 *                            default 3)
 * @param transitionMinMs     shortest gradual transition in milliseconds; a shorter blend is left to the
 *                            cut rule (env {@code CUEPOINT_SHOT_TRANSITION_MIN_MS}, default 150)
 * @param transitionMaxMs     longest gradual transition in milliseconds
 *                            (env {@code CUEPOINT_SHOT_TRANSITION_MAX_MS}, default 3000)
 * @param transitionMinChange how different, in mean absolute luma (0 to 255), the pictures before and after
 *                            a transition must be (env {@code CUEPOINT_SHOT_TRANSITION_MIN_CHANGE}, default 14)
 * @param transitionMaxError  largest mean error of the blend fit of a transition's frames, as a share of
 *                            that change (env {@code CUEPOINT_SHOT_TRANSITION_MAX_ERROR}, default 0.12)
 */
public record ShotCutConfig(double minScore, double adaptiveFactor, int windowFrames, long minGapMs,
                            int flashFrames, long transitionMinMs, long transitionMaxMs, double transitionMinChange,
                            double transitionMaxError) {
    public ShotCutConfig {
        if (transitionMinMs > transitionMaxMs) {
            throw new AnalyzerException("CUEPOINT_SHOT_TRANSITION_MIN_MS (" + transitionMinMs
                    + ") must not exceed CUEPOINT_SHOT_TRANSITION_MAX_MS (" + transitionMaxMs + ")");
        }
    }

    public static ShotCutConfig defaults() {
        return new ShotCutConfig(0.02, 3.0, 8, 300, 3, 150, 3000, 14, 0.12);
    }

    /** The same tuning with another flash length (0 disables the flash rule). */
    public ShotCutConfig withFlashFrames(int frames) {
        return new ShotCutConfig(minScore, adaptiveFactor, windowFrames, minGapMs, frames, transitionMinMs,
                transitionMaxMs, transitionMinChange, transitionMaxError);
    }
}
