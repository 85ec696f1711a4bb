package io.cuepoint.analyzer.vision;

/**
 * Estimates how far a face is turned left or right (yaw) from BlazeFace's landmarks.
 *
 * <p>Method: the head is taken as a vertical cylinder seen from the front. Turning it by yaw θ moves
 * the nose tip sideways by {@code D sin θ} and brings the ear tragions, at radius R either side of the
 * axis, closer to {@code ±R cos θ}; their midpoint stays on the axis. So the nose's offset from the ear
 * midpoint, measured along the ear-to-ear line (which makes it independent of head roll), divided by
 * half the ear span is {@code (D / R) tan θ}. Anthropometric averages put the nose tip about 1.3 times
 * as far in front of the axis as the tragions are beside it, so θ = atan(offset / (1.3 · halfSpan)).
 *
 * <p>Positive yaw means the face is turned toward the image's right (the person's left). The estimate is
 * rough (±15° or so) and saturates near ±90°, where BlazeFace guesses the hidden ear; it says nothing
 * about pitch.
 */
public final class FacingEstimator {
    /** Nose-tip depth over tragion half-width. */
    static final double NOSE_DEPTH_RATIO = 1.3;

    private FacingEstimator() {
    }

    /**
     * Yaw in degrees, -90 to 90.
     *
     * @param aspect image width over height: landmarks are normalized per axis, the geometry needs pixels
     */
    public static double yawDeg(Face face, double aspect) {
        var rightEar = face.landmark("right_ear");
        var leftEar = face.landmark("left_ear");
        var nose = face.landmark("nose");
        double ux = (leftEar.x() - rightEar.x()) * aspect;
        double uy = leftEar.y() - rightEar.y();
        double span = Math.hypot(ux, uy);
        if (span < 1e-9) {
            return 0;
        }
        double midX = (leftEar.x() + rightEar.x()) / 2 * aspect;
        double midY = (leftEar.y() + rightEar.y()) / 2;
        double offset = ((nose.x() * aspect - midX) * ux + (nose.y() - midY) * uy) / span;
        return Math.toDegrees(Math.atan(offset / (NOSE_DEPTH_RATIO * span / 2)));
    }
}
