package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Keypoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pose seen from the body instead of the picture: keypoints relative to the centre of the shoulders,
 * in shoulder widths. A camera pan or a presenter walking across the room moves the shoulders with the
 * hands, so in this frame only movements of the limbs against the torso remain.
 *
 * <p>Keypoints are normalized per axis ([0, 1] of width and height); x is multiplied by the picture's
 * aspect so that both axes are in picture heights and distances are true.
 */
final class BodyFrame {
    private final Map<String, Keypoint> byName = new HashMap<>();
    private final double aspect;
    private final double minScore;
    private final double centreX;
    private final double centreY;
    private final double shoulderWidth;

    private BodyFrame(List<Keypoint> keypoints, double aspect, double minScore, double centreX, double centreY,
                      double shoulderWidth) {
        keypoints.forEach(k -> byName.put(k.name(), k));
        this.aspect = aspect;
        this.minScore = minScore;
        this.centreX = centreX;
        this.centreY = centreY;
        this.shoulderWidth = shoulderWidth;
    }

    /**
     * The body frame of a pose, or null when a shoulder is not confident.
     *
     * @param aspect   picture width over height
     * @param minWidth the least shoulder width to divide by, in picture heights: a presenter turned sideways
     *                 shows narrow shoulders, which would inflate every distance
     */
    static BodyFrame of(List<Keypoint> keypoints, double aspect, double minScore, double minWidth) {
        Keypoint left = null;
        Keypoint right = null;
        for (var k : keypoints) {
            if (k.name().equals("left_shoulder")) {
                left = k;
            } else if (k.name().equals("right_shoulder")) {
                right = k;
            }
        }
        if (left == null || right == null || left.score() < minScore || right.score() < minScore) {
            return null;
        }
        double width = Math.hypot((left.x() - right.x()) * aspect, left.y() - right.y());
        return new BodyFrame(keypoints, aspect, minScore, (left.x() + right.x()) / 2 * aspect,
                (left.y() + right.y()) / 2, Math.max(width, Math.max(minWidth, 1e-6)));
    }

    /** Shoulder width in picture heights, as measured (before the minimum applies). */
    static double shoulderWidth(List<Keypoint> keypoints, double aspect, double minScore) {
        var frame = of(keypoints, aspect, minScore, 0);
        return frame == null ? Double.NaN : frame.shoulderWidth;
    }

    /** The keypoint if it is confident, else null. */
    Keypoint confident(String name) {
        var k = byName.get(name);
        return k != null && k.score() >= minScore ? k : null;
    }

    /** The keypoint's (x, y) relative to the shoulder centre in shoulder widths, y down; null when not confident. */
    double[] relative(String name) {
        var k = confident(name);
        if (k == null) {
            return null;
        }
        return new double[] {(k.x() * aspect - centreX) / shoulderWidth, (k.y() - centreY) / shoulderWidth};
    }

    /** The direction of the line from the right to the left shoulder, a unit vector: it turns when the torso leans. */
    double[] shoulderLine() {
        var l = byName.get("left_shoulder");
        var r = byName.get("right_shoulder");
        double dx = (l.x() - r.x()) * aspect;
        double dy = l.y() - r.y();
        double n = Math.max(Math.hypot(dx, dy), 1e-9);
        return new double[] {dx / n, dy / n};
    }
}
