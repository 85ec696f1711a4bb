package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.AnalyzerException;

/**
 * Tuning of {@link HandDetector}.
 *
 * @param fps      hand samples per second of media time (env {@code CUEPOINT_HANDS_FPS}, default 0 = every
 *                 sampled analysis image): hands move fast, and the skill metrics read their speed from
 *                 these samples, so the default thins nothing; a positive rate thins the samples to it
 * @param minScore lowest HandTrack score, 0 to 1, for a hand to count (env {@code CUEPOINT_HANDS_MIN_SCORE},
 *                 default 0.5)
 * @param maxHands at most this many hands per image, the most confident (env {@code CUEPOINT_HANDS_MAX},
 *                 default 4: a presenter's or a student's two hands and a patient's or partner's)
 */
public record HandConfig(double fps, double minScore, int maxHands) {
    /** Hands overlapping more than this are one hand (non-maximum suppression across the pose classes). */
    public static final double MAX_IOU = 0.3;

    public HandConfig {
        if (fps < 0 || minScore < 0 || minScore > 1 || maxHands < 1) {
            throw new AnalyzerException("hand tuning out of range: fps " + fps + " (>= 0), minScore " + minScore
                    + " (0 to 1), maxHands " + maxHands + " (>= 1)");
        }
    }

    public static HandConfig defaults() {
        return new HandConfig(0, 0.5, 4);
    }

    /** Whether every sampled image is analysed. */
    public boolean everySample() {
        return fps == 0;
    }
}
