package io.cuepoint.analyzer.detect;

/**
 * Where one hand was on one sampled frame.
 *
 * @param ms    media time of the frame
 * @param frame the frame number
 * @param x     horizontal position in frame diagonals from the left edge
 * @param y     vertical position in frame diagonals from the top edge
 */
public record HandSample(long ms, long frame, double x, double y) {
    /** A position given in [0, 1] of the picture's width and height, on a picture of that size. */
    public static HandSample normalized(long ms, long frame, double x, double y, double width, double height) {
        double diagonal = Math.hypot(width, height);
        return new HandSample(ms, frame, x * width / diagonal, y * height / diagonal);
    }
}
