package io.cuepoint.analyzer.detect;

/**
 * Tuning of {@link SlideDetector}. Consecutive analysis images are compared cell by cell on a 16 x 9 grid,
 * leaving out the corner block (30 % of the width, 40 % of the height) that changed most, where a
 * picture-in-picture presenter would be.
 *
 * @param changeLevel     mean absolute grey-level difference (0 to 255) at which a grid cell counts as
 *                        changed (env {@code CUEPOINT_SLIDE_CHANGE_LEVEL}, default 8)
 * @param animationShare  largest share of changed cells that is still the same picture: a moving pointer, a
 *                        progress bar, a small animation (env {@code CUEPOINT_SLIDE_ANIMATION_SHARE},
 *                        default 0.05)
 * @param buildShare      largest share of changed cells that can be a build (content added to the slide)
 *                        rather than a new slide (env {@code CUEPOINT_SLIDE_BUILD_SHARE}, default 0.5)
 * @param maxRemoved      largest share of the earlier picture's content pixels that may change in a build;
 *                        a new slide replaces content (env {@code CUEPOINT_SLIDE_MAX_REMOVED}, default 0.15)
 * @param flatRange       grey-level span (max - min) at which an 8 x 8 block counts as flat
 *                        (env {@code CUEPOINT_SLIDE_FLAT_RANGE}, default 6)
 * @param minFlatShare    share of flat blocks a picture needs to look like a screen
 *                        (env {@code CUEPOINT_SLIDE_MIN_FLAT_SHARE}, default 0.5)
 * @param minInkShare     share of the 48 x 27 signature cells that must hold content (edges of text, lines,
 *                        figures); a blank picture is no slide (env {@code CUEPOINT_SLIDE_MIN_INK_SHARE},
 *                        default 0.02)
 * @param minStillShare   share of a slide's sample-to-sample steps that must show no change beyond an
 *                        animation: a screen mostly stands still, camera footage always moves somewhat
 *                        (env {@code CUEPOINT_SLIDE_MIN_STILL_SHARE}, default 0.5)
 * @param minSlideMs      shortest slide in milliseconds; a picture shown for less is passed over (a
 *                        transition, clicking through) (env {@code CUEPOINT_SLIDE_MIN_MS}, default 1000)
 */
public record SlideConfig(double changeLevel, double animationShare, double buildShare, double maxRemoved,
                          int flatRange, double minFlatShare, double minInkShare, double minStillShare,
                          long minSlideMs) {
    public static SlideConfig defaults() {
        return new SlideConfig(8, 0.05, 0.5, 0.15, 6, 0.5, 0.02, 0.5, 1000);
    }
}
