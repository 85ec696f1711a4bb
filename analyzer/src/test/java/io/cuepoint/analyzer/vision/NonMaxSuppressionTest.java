package io.cuepoint.analyzer.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.analyzer.wire.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonMaxSuppressionTest {

    @Test
    void dropsOverlapsOfBetterBoxesAndKeepsTheRestBestFirst() {
        var boxes = List.of(new Box(0, 0, 1, 1), new Box(0.1, 0, 1.1, 1), new Box(2, 2, 3, 3), new Box(0, 0, 0.5, 1));
        double[] scores = {0.5, 0.9, 0.7, 0.6};
        // Box 0 overlaps box 1 by 0.82: dropped. Box 3 overlaps box 1 by 0.4/1.1: kept at 0.5.
        assertThat(NonMaxSuppression.select(boxes, scores, 0.5, 10)).containsExactly(1, 2, 3);
        assertThat(NonMaxSuppression.select(boxes, scores, 0.5, 2)).containsExactly(1, 2);
    }

    @Test
    void intersectionOverUnion() {
        assertThat(new Box(0, 0, 2, 1).iou(new Box(1, 0, 3, 1))).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(new Box(0, 0, 1, 1).iou(new Box(1, 1, 2, 2))).isZero();
    }
}
