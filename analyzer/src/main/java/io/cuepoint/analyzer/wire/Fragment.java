package io.cuepoint.analyzer.wire;

/**
 * Marks an interval that an analyzer saw only within one segment.
 *
 * @param segment   the segment it was seen in
 * @param openStart the interval reaches back to the segment's start and may continue in the previous one
 * @param openEnd   the interval reaches the segment's end and may continue in the next one
 */
public record Fragment(int segment, boolean openStart, boolean openEnd) {
}
