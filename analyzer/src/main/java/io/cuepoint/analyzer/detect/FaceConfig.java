package io.cuepoint.analyzer.detect;

/**
 * Tuning of {@link FaceDetector}.
 *
 * @param minScore    lowest BlazeFace score, 0 to 1, for a face to count (env {@code CUEPOINT_FACE_MIN_SCORE},
 *                    default 0.6)
 * @param maxFaces    most faces kept per image (env {@code CUEPOINT_FACE_MAX}, default 20)
 * @param maxYawDeg   largest estimated yaw, in degrees either way, at which a face still counts as turned
 *                    to the camera (env {@code CUEPOINT_FACE_MAX_YAW}, default 30)
 * @param expressions whether the emotion model classifies each face's expression (env
 *                    {@code CUEPOINT_EXPRESSIONS}, {@code true} or {@code false}, default true)
 * @param minExpressionMs shortest time, in ms, a face keeps one (smoothed) dominant expression for a
 *                    {@code face.expression} interval (env {@code CUEPOINT_EXPRESSION_MIN_MS}, default 1000)
 */
public record FaceConfig(double minScore, int maxFaces, double maxYawDeg, boolean expressions, long minExpressionMs) {
    /** Faces overlapping more than this are one face (non-maximum suppression). */
    public static final double MAX_IOU = 0.3;

    public static FaceConfig defaults() {
        return new FaceConfig(0.6, 20, 30, true, 1000);
    }
}
