package io.cuepoint.api.eval;

/**
 * One row of a score table: an event type and the rule that pairs detections with labels.
 *
 * @param type event type ({@code shot.cut}, {@code slide.change}, {@code shot.transition[dissolve]}, …)
 * @param rule how pairs are made, e.g. {@code ±1 frame} or {@code tIoU ≥ 0.5}
 */
public record Metric(String type, String rule) {
    @Override
    public String toString() {
        return type + " (" + rule + ")";
    }
}
