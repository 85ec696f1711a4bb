package io.cuepoint.analyzer.detect;

/**
 * Tuning of {@link TechnicalDetector}: black frames and frozen pictures on the per-frame thumbnails,
 * silence on the audio loudness windows.
 *
 * @param blackMaxLuma     a frame is black when its mean luma (0 to 255) is at most this
 *                         (env {@code CUEPOINT_BLACK_MAX_LUMA}, default 24) ...
 * @param blackMaxSpread   ... and the standard deviation of its luma at most this
 *                         (env {@code CUEPOINT_BLACK_MAX_SPREAD}, default 10), so that a dark slide with
 *                         light text or a dim room is not black
 * @param blackMinMs       shortest black stretch reported, in milliseconds
 *                         (env {@code CUEPOINT_BLACK_MIN_MS}, default 100; 0 reports single frames)
 * @param frozenMaxDiff    a frame is the same picture as the first frame of the stretch when their mean
 *                         absolute luma difference is at most this many grey levels
 *                         (env {@code CUEPOINT_FROZEN_MAX_DIFF}, default 1.0) ...
 * @param frozenMaxChanged ... and at most this share of pixels, 0 to 1, differs by more than
 *                         {@value #CHANGED_LEVELS} grey levels (env {@code CUEPOINT_FROZEN_MAX_CHANGED},
 *                         default 0.002): compression noise changes many pixels a little, anything that
 *                         moves changes a few pixels a lot
 * @param frozenMinMs      shortest frozen stretch reported, in milliseconds
 *                         (env {@code CUEPOINT_FROZEN_MIN_MS}, default 2000)
 * @param silenceMaxDbfs   an audio window is silent when its RMS level is below this, in dBFS
 *                         (env {@code CUEPOINT_SILENCE_MAX_DBFS}, default -50)
 * @param silenceMinMs     shortest silence reported, in milliseconds (env {@code CUEPOINT_SILENCE_MIN_MS},
 *                         default 1000)
 */
public record TechnicalConfig(double blackMaxLuma, double blackMaxSpread, long blackMinMs, double frozenMaxDiff,
                              double frozenMaxChanged, long frozenMinMs, double silenceMaxDbfs,
                              long silenceMinMs) {
    /** Grey levels by which a pixel must differ to count as changed for {@link #frozenMaxChanged}. */
    public static final int CHANGED_LEVELS = 12;

    public static TechnicalConfig defaults() {
        return new TechnicalConfig(24, 10, 100, 1.0, 0.002, 2000, -50, 1000);
    }
}
