package io.cuepoint.analyzer.track;

import io.cuepoint.analyzer.wire.Box;
import java.util.Objects;

/**
 * One detection in one frame, as a detector hands it to the {@link Tracker}.
 *
 * @param box   the detected box, normalized to [0, 1] of the display frame, origin top left
 * @param score the detector's confidence (not used for matching; kept for the caller)
 * @param label what was detected ("person", "face", a COCO class name); a detection only ever joins a
 *              track of its own label
 */
public record Detection(Box box, double score, String label) {

    public Detection {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(label, "label");
        if (!(Double.isFinite(box.left()) && Double.isFinite(box.top()) && Double.isFinite(box.right())
                && Double.isFinite(box.bottom()))) {
            throw new IllegalArgumentException("box has a non-finite coordinate: " + box);
        }
        if (box.right() < box.left() || box.bottom() < box.top()) {
            throw new IllegalArgumentException("box is inverted: " + box);
        }
    }
}
