package io.cuepoint.analyzer.vision;

import io.cuepoint.analyzer.wire.Box;

/**
 * One hand found by the HandTrack model.
 *
 * @param box   normalized image coordinates
 * @param score the model's score for the hand's class
 * @param label the hand's class: {@code hand} (open), {@code fist}, {@code pinch} or {@code point}
 *              ({@link HandTrackTranslator#HAND_LABELS})
 */
public record Hand(Box box, double score, String label) {
}
