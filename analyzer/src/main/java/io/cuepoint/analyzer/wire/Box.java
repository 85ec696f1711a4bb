package io.cuepoint.analyzer.wire;

/** A bounding box in coordinates normalized to [0, 1] of the display frame, origin at the top left. */
public record Box(double left, double top, double right, double bottom) {
}
