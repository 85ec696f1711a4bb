package io.cuepoint.analyzer.detect;

/**
 * Tuning of {@link MotionDetector}. Motion is the share of foreground pixels that an MOG2 background
 * model finds on each sampled analysis image (only pixels with foreground neighbours count, so scattered
 * noise does not), smoothed, then split into active and idle intervals with two thresholds (hysteresis,
 * so noise around one threshold does not flicker).
 *
 * @param width         width in pixels the analysis image is scaled down to before modelling
 *                      (env {@code CUEPOINT_MOTION_WIDTH}, default 160): motion is coarse, and small
 *                      images keep MOG2 cheap
 * @param history       samples the background model remembers (env {@code CUEPOINT_MOTION_HISTORY},
 *                      default 120, 30 s at 4 fps)
 * @param varThreshold  MOG2 squared Mahalanobis distance for a pixel to be foreground
 *                      (env {@code CUEPOINT_MOTION_VAR_THRESHOLD}, default 16)
 * @param backgroundSamples sampled images, spread over the segment, whose per-pixel median seeds the
 *                      background model (env {@code CUEPOINT_MOTION_BACKGROUND_SAMPLES}, default 9);
 *                      see {@link MotionDetector}
 * @param smoothing     samples of the centred moving median over the foreground share
 *                      (env {@code CUEPOINT_MOTION_SMOOTHING}, default 3, 1 = none)
 * @param activeOn      smoothed foreground share, 0 to 1, at which idle turns active
 *                      (env {@code CUEPOINT_MOTION_ACTIVE_ON}, default 0.005): low enough for one gloved
 *                      hand or a thin instrument moving in a fixed camera's view, whose foreground (the
 *                      place it left and the place it is) covers about 1 % of the picture; the idle floor
 *                      stays near 0 because isolated noise pixels are not counted
 * @param activeOff     smoothed foreground share below which active turns idle
 *                      (env {@code CUEPOINT_MOTION_ACTIVE_OFF}, default 0.0025, at most activeOn)
 * @param gridColumns   columns of the motion grid artifact (env {@code CUEPOINT_MOTION_GRID_COLUMNS},
 *                      default 32, 1 to 256, capped at the mask width); rows follow from the picture's aspect so that
 *                      cells are square (see {@link MotionGrid})
 */
public record MotionConfig(int width, int history, double varThreshold, int backgroundSamples, int smoothing,
                           double activeOn, double activeOff, int gridColumns) {
    public static MotionConfig defaults() {
        return new MotionConfig(160, 120, 16, 9, 3, 0.005, 0.0025, 32);
    }
}
