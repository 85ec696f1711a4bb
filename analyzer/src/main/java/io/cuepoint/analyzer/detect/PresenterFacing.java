package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Box;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.Keypoint;
import java.util.List;

/**
 * Whether the presenter is turned to the camera in one sample. A face the face detector found in the
 * presenter's head region decides (its {@code facingCamera}, from the landmarks' yaw); without one, the
 * pose does: nose and both eyes confident, the nose between the eyes, and, when both ears are confident,
 * the nose near the middle between them. A presenter with the back to the camera shows no confident eyes.
 */
final class PresenterFacing {
    static final List<String> HEAD = List.of("nose", "left_eye", "right_eye", "left_ear", "right_ear");
    /** The nose may sit this far from the ears' midpoint, in half ear spans, for a face seen from the front. */
    static final double MAX_EAR_ASYMMETRY = 0.5;

    /**
     * One sample's reading.
     *
     * @param facing 1 when turned to the camera, 0 when not
     * @param yawDeg the face's yaw when a face was matched, else NaN
     * @param face   the presenter's face event, or null
     */
    record Reading(double facing, double yawDeg, Event face) {
    }

    private PresenterFacing() {
    }

    /**
     * @param pose  the presenter's pose in this sample
     * @param faces the sample's {@code face.detected} events
     */
    static Reading read(Event pose, List<Event> faces, double minScore) {
        var head = headRegion(pose, minScore);
        Event best = null;
        double bestDistance = Double.MAX_VALUE;
        for (var face : faces) {
            double cx = (face.box().left() + face.box().right()) / 2;
            double cy = (face.box().top() + face.box().bottom()) / 2;
            if (cx < head.left() || cx > head.right() || cy < head.top() || cy > head.bottom()) {
                continue;
            }
            double d = Math.hypot(cx - (head.left() + head.right()) / 2, cy - (head.top() + head.bottom()) / 2);
            if (d < bestDistance) {
                best = face;
                bestDistance = d;
            }
        }
        if (best != null) {
            boolean facing = Boolean.TRUE.equals(best.attributes().get("facingCamera"));
            double yaw = best.attributes().get("yawDeg") instanceof Number n ? n.doubleValue() : Double.NaN;
            return new Reading(facing ? 1 : 0, yaw, best);
        }
        return new Reading(poseFacing(pose.keypoints(), minScore) ? 1 : 0, Double.NaN, null);
    }

    /** Facing from the head keypoints alone. */
    static boolean poseFacing(List<Keypoint> keypoints, double minScore) {
        Keypoint nose = null, leftEye = null, rightEye = null, leftEar = null, rightEar = null;
        for (var k : keypoints) {
            switch (k.name()) {
                case "nose" -> nose = k;
                case "left_eye" -> leftEye = k;
                case "right_eye" -> rightEye = k;
                case "left_ear" -> leftEar = k;
                case "right_ear" -> rightEar = k;
                default -> { }
            }
        }
        if (!confident(nose, minScore) || !confident(leftEye, minScore) || !confident(rightEye, minScore)) {
            return false;
        }
        // Turned far enough for the nose to leave the space between the eyes: a profile.
        if (nose.x() < Math.min(leftEye.x(), rightEye.x()) || nose.x() > Math.max(leftEye.x(), rightEye.x())) {
            return false;
        }
        if (confident(leftEar, minScore) && confident(rightEar, minScore)) {
            double half = Math.abs(leftEar.x() - rightEar.x()) / 2;
            double offset = Math.abs(nose.x() - (leftEar.x() + rightEar.x()) / 2);
            return half > 0 && offset / half <= MAX_EAR_ASYMMETRY;
        }
        return true;
    }

    /**
     * Where the presenter's face should be: the confident head keypoints' bounds widened by half their size
     * each way (at least half the box's width across), else the top quarter of the person's box.
     */
    static Box headRegion(Event pose, double minScore) {
        double left = 1, top = 1, right = 0, bottom = 0;
        int n = 0;
        for (var k : pose.keypoints()) {
            if (HEAD.contains(k.name()) && k.score() >= minScore) {
                left = Math.min(left, k.x());
                right = Math.max(right, k.x());
                top = Math.min(top, k.y());
                bottom = Math.max(bottom, k.y());
                n++;
            }
        }
        var box = pose.box();
        if (n == 0) {
            return new Box(box.left(), box.top(), box.right(), box.top() + (box.bottom() - box.top()) / 4);
        }
        double size = Math.max(Math.max(right - left, bottom - top), (box.right() - box.left()) / 2);
        double cx = (left + right) / 2;
        double cy = (top + bottom) / 2;
        return new Box(cx - size, cy - size, cx + size, cy + size);
    }

    private static boolean confident(Keypoint k, double minScore) {
        return k != null && k.score() >= minScore;
    }
}
