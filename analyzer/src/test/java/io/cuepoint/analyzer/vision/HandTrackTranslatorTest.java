package io.cuepoint.analyzer.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.analyzer.model.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decoding HandTrack's postprocessed outputs; the real model runs in {@code HandDetectorRealTest}. */
class HandTrackTranslatorTest {

    /** The model's outputs for candidates of (ymin, xmin, ymax, xmax, class id as the model writes it, score). */
    private static Map<String, Tensor> outputs(float[][] candidates) {
        int n = candidates.length;
        var boxes = new float[n * 4];
        var classes = new float[n];
        var scores = new float[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(candidates[i], 0, boxes, i * 4, 4);
            classes[i] = candidates[i][4];
            scores[i] = candidates[i][5];
        }
        return Map.of(HandTrackTranslator.BOXES, Tensor.ofFloats(boxes, 1, n, 4),
                HandTrackTranslator.CLASSES, Tensor.ofFloats(classes, 1, n),
                HandTrackTranslator.SCORES, Tensor.ofFloats(scores, 1, n),
                "Identity_5:0", Tensor.ofFloats(new float[] {n}, 1));
    }

    @Test
    void keepsHandsAboveTheScoreOneBoxPerThingBestClassFirst() {
        var hands = new HandTrackTranslator(0.5, 0.3, 4).output(outputs(new float[][] {
            {0.1f, 0.2f, 0.3f, 0.4f, 5, 0.95f},           // a face
            {0.1f, 0.2f, 0.31f, 0.4f, 1.9882352f, 0.6f},  // the same face as a fist: suppressed by the face
            {0.5f, 0.6f, 0.7f, 0.8f, 4.0117645f, 0.9f},   // a pointing hand (id 4, quantized)
            {0.5f, 0.6f, 0.7f, 0.81f, 1, 0.8f},           // the same hand as an open hand: suppressed
            {0.55f, 0.62f, 0.6f, 0.66f, 6, 0.85f},        // its fingertip: not a hand
            {0.0f, -0.1f, 0.2f, 0.1f, 3, 0.7f},           // a pinch, partly outside the image
            {0.8f, 0.8f, 0.9f, 0.9f, 1, 0.4f},            // below the score
            {0.8f, 0.1f, 0.8f, 0.2f, 2, 0.9f},            // no height
        }));
        assertThat(hands).extracting(Hand::label).containsExactly("point", "pinch");
        var point = hands.get(0);
        assertThat(point.score()).isCloseTo(0.9, within(1e-6));
        // (ymin, xmin, ymax, xmax) becomes (left, top, right, bottom).
        assertThat(point.box().left()).isCloseTo(0.6, within(1e-6));
        assertThat(point.box().top()).isCloseTo(0.5, within(1e-6));
        assertThat(point.box().right()).isCloseTo(0.8, within(1e-6));
        assertThat(point.box().bottom()).isCloseTo(0.7, within(1e-6));
        assertThat(hands.get(1).box().left()).isZero();
    }

    @Test
    void keepsAtMostMaxHandsTheBest() {
        var candidates = new float[6][];
        for (int i = 0; i < candidates.length; i++) {
            float x = i * 0.15f;
            candidates[i] = new float[] {0.4f, x, 0.5f, x + 0.1f, 1, 0.5f + i * 0.05f};
        }
        var hands = new HandTrackTranslator(0.5, 0.3, 2).output(outputs(candidates));
        assertThat(hands.stream().mapToDouble(Hand::score).toArray()).containsExactly(new double[] {0.75, 0.70}, within(1e-6));
    }

    @Test
    void feedsTheImageAsItIsAndNamesAMissingOutput() {
        var image = new RgbImage(2, 1, new byte[] {1, 2, 3, 4, 5, (byte) 255});
        var input = new HandTrackTranslator(0.5, 0.3, 4).input(image);
        assertThat(input.type()).isEqualTo(Tensor.Type.UINT8);
        assertThat(input.shape()).containsExactly(1, 1, 2, 3);
        assertThat(input.bytes()).isSameAs(image.rgb());
        assertThatThrownBy(() -> new HandTrackTranslator(0.5, 0.3, 4).output(Map.of()))
                .hasMessageContaining(HandTrackTranslator.BOXES);
    }
}
