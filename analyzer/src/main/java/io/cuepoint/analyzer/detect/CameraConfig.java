package io.cuepoint.analyzer.detect;

/**
 * Tuning of {@link CameraDetector}. Global motion is measured between consecutive thumbnails, smoothed
 * over a centred window, and split into intervals with two thresholds each (on, and {@value #OFF_SHARE}
 * times on to end), so that noise around one threshold does not flicker.
 *
 * @param maxCorners     corners tracked between two thumbnails (env {@code CUEPOINT_CAMERA_CORNERS},
 *                       default 60)
 * @param ransacPixels   largest disagreement, in thumbnail pixels, of a track that still follows the
 *                       camera (env {@code CUEPOINT_CAMERA_RANSAC_PX}, default 0.25): tight, because an
 *                       object moving a fraction of a pixel per frame must not pull the estimate along; a
 *                       pair that fails {@code minInlierShare} at it is fitted again at
 *                       {@value GlobalMotionEstimator#LOOSE_FACTOR} times it, because the resampled tracks
 *                       of a moving camera scatter by about half a pixel
 * @param minInlierShare share of the tracks, 0 to 1, that must agree on one motion for it to count
 *                       (env {@code CUEPOINT_CAMERA_MIN_INLIERS}, default 0.5); below it, objects dominate
 *                       the picture and nothing is said about the camera
 * @param cutGate        luma-histogram distance, 0 to 1, between two thumbnails above which they are
 *                       taken for a cut or a flash and not compared (env {@code CUEPOINT_CAMERA_CUT_GATE},
 *                       default 0.3)
 * @param smoothingMs    length of the centred moving average over the per-frame motion, in milliseconds
 *                       (env {@code CUEPOINT_CAMERA_SMOOTHING_MS}, default 600)
 * @param panOn          smoothed speed at which a pan (frame widths per second) or tilt (frame heights per
 *                       second) begins (env {@code CUEPOINT_CAMERA_PAN_ON}, default 0.04)
 * @param zoomOn         smoothed zoom rate at which a zoom begins, as the natural logarithm of the scale
 *                       change per second (env {@code CUEPOINT_CAMERA_ZOOM_ON}, default 0.05, about 5 %
 *                       per second)
 * @param shakeOn        shake begins when the motion that the smoothing removes (the high-frequency
 *                       residual of the translation, RMS over the smoothing window) reaches this many frame
 *                       widths per second (env {@code CUEPOINT_CAMERA_SHAKE_ON}, default 0.07, about a
 *                       thumbnail pixel of jitter every few frames; handheld jitter of 4 px per frame at
 *                       720p reaches it) and outweighs the steady motion it rides on
 *                       ({@link CameraDetector#SHAKE_DOMINANCE})
 * @param minMs          shortest pan, tilt, zoom or shake reported, in milliseconds
 *                       (env {@code CUEPOINT_CAMERA_MIN_MS}, default 500)
 */
public record CameraConfig(int maxCorners, double ransacPixels, double minInlierShare, double cutGate,
                           long smoothingMs, double panOn, double zoomOn, double shakeOn, long minMs) {
    /** Each motion ends when its smoothed value falls below this share of its on-threshold. */
    public static final double OFF_SHARE = 0.6;

    public static CameraConfig defaults() {
        return new CameraConfig(60, 0.25, 0.5, 0.3, 600, 0.04, 0.05, 0.07, 500);
    }
}
