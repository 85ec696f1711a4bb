package io.cuepoint.analyzer.detect;

/**
 * Tuning of {@link ShotCutDetector}. A frame starts a new shot when its change score against the
 * previous thumbnail (0 to 1, mean of HSV-histogram distance and mean absolute pixel difference)
 * clears both an absolute floor and an adaptive threshold, is the largest score within the minimum
 * gap, and is not a camera flash.
 *
 * @param minScore       absolute floor of the change score, 0 to 1 (env {@code CUEPOINT_SHOT_MIN_SCORE},
 *                       default 0.02): below it nothing is a cut, however calm the surroundings
 * @param adaptiveFactor the score must also exceed this many times the median score of the window
 *                       around it (env {@code CUEPOINT_SHOT_ADAPTIVE_FACTOR}, default 3.0), so busy,
 *                       handheld footage needs a larger jump than a static lecture camera
 * @param windowFrames   frames on each side of a candidate that form that window
 *                       (env {@code CUEPOINT_SHOT_WINDOW_FRAMES}, default 8)
 * @param minGapMs       milliseconds that must separate two cuts; the stronger one wins
 *                       (env {@code CUEPOINT_SHOT_MIN_GAP_MS}, default 300)
 * @param flashFrames    longest flash in frames: a change that returns to the previous picture within
 *                       this many frames is a flash, not a cut (env {@code CUEPOINT_SHOT_FLASH_FRAMES},
 *                       default 3)
 */
public record ShotCutConfig(double minScore, double adaptiveFactor, int windowFrames, long minGapMs,
                            int flashFrames) {
    public static ShotCutConfig defaults() {
        return new ShotCutConfig(0.02, 3.0, 8, 300, 3);
    }
}
