package io.cuepoint.api.store;

import io.cuepoint.analyzer.wire.Box;

/**
 * Where a segment-local track was at a segment boundary: one instant of a segment's lead-in (the previous
 * segment's last frame, seen again by this segment's analyzer) or of the last frame the segment analysed.
 *
 * @param segment the segment whose analyzer emitted the instant
 * @param leadIn  true for a lead-in instant, false for one of the segment's last analysed frame
 * @param type    the instant's event type
 * @param track   the segment-local track
 * @param frame   the frame, in decode order
 * @param box     the normalized box
 */
public record BoundaryBox(int segment, boolean leadIn, String type, String track, long frame, Box box) {
}
