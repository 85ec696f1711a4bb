package io.cuepoint.analyzer.wire;

/** A bounding box in coordinates normalized to [0, 1] of the display frame, origin at the top left. */
public record Box(double left, double top, double right, double bottom) {

    /** The box's area; 0 for a box with no width or height. Not a wire field. */
    public double area() {
        return Math.max(0, right - left) * Math.max(0, bottom - top);
    }

    /**
     * Intersection over union with {@code other}: what non-maximum suppression, the tracker and the api's
     * track joining all compare boxes by. 0 for boxes that do not overlap or have no area.
     */
    public double iou(Box other) {
        double w = Math.min(right, other.right) - Math.max(left, other.left);
        double h = Math.min(bottom, other.bottom) - Math.max(top, other.top);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double intersection = w * h;
        double union = area() + other.area() - intersection;
        return union <= 0 ? 0 : intersection / union;
    }
}
