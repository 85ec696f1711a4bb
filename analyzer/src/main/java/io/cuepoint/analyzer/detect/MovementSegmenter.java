package io.cuepoint.analyzer.detect;

import java.util.Arrays;

/**
 * Splits the steps of one hand track (from one sample to the next) into movements and rests by speed.
 *
 * <p>The speed of each step is first put through a centred median of three steps: a one-step spike (a keypoint
 * that jumps for one frame and back) disappears, while the first and last step of a real movement of two steps
 * or more keep their speed, so movements neither start early nor end late. Then hysteresis: a rest turns into a
 * movement at {@link SkillsConfig#activeOn()} and the movement lasts while the speed stays at
 * {@link SkillsConfig#activeOff()} or above. Movements shorter than {@link SkillsConfig#minMovementMs()} count as
 * rest. Pure: no events, no frames.
 */
final class MovementSegmenter {
    private MovementSegmenter() {
    }

    /** The centred median of three over step speeds, the ends taking the median of what they have. */
    static double[] smoothedSpeeds(double[] speeds) {
        var out = new double[speeds.length];
        for (int i = 0; i < speeds.length; i++) {
            if (i == 0 || i == speeds.length - 1) {
                // Two values at an end: their lower one, so a glitch on the edge step does not start a movement.
                out[i] = speeds.length == 1 ? speeds[i]
                        : Math.min(speeds[i], speeds[i == 0 ? 1 : i - 1]);
            } else {
                var w = new double[] {speeds[i - 1], speeds[i], speeds[i + 1]};
                Arrays.sort(w);
                out[i] = w[1];
            }
        }
        return out;
    }

    /**
     * Which steps are part of a movement.
     *
     * @param durations each step's duration in ms
     * @param smoothed  each step's smoothed speed ({@link #smoothedSpeeds})
     */
    static boolean[] active(long[] durations, double[] smoothed, SkillsConfig config) {
        var active = SampleRuns.hysteresis(smoothed, config.activeOn(), config.activeOff());
        int from = 0;
        for (int i = 1; i <= active.length; i++) {
            if (i < active.length && active[i] == active[from]) {
                continue;
            }
            if (active[from]) {
                long ms = 0;
                for (int k = from; k < i; k++) {
                    ms += durations[k];
                }
                if (ms < config.minMovementMs()) {
                    Arrays.fill(active, from, i, false);
                }
            }
            from = i;
        }
        return active;
    }
}
