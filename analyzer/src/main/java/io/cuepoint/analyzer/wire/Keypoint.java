package io.cuepoint.analyzer.wire;

/** A named point in normalized [0, 1] display coordinates with the model's score. */
public record Keypoint(String name, double x, double y, double score) {
}
