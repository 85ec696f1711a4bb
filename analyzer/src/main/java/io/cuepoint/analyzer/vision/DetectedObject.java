package io.cuepoint.analyzer.vision;

import io.cuepoint.analyzer.wire.Box;

/**
 * One object found by CenterNet.
 *
 * @param box   normalized image coordinates
 * @param score the model's score
 * @param label the COCO class name ({@link CocoLabels})
 */
public record DetectedObject(Box box, double score, String label) {
}
