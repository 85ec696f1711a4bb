package io.cuepoint.analyzer.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.analyzer.wire.Box;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmotionTranslatorTest {

    @Test
    void cropIsGreyScaledToMinusOneToOneAndBlackOutsideTheImage() {
        var rgb = new byte[100 * 100 * 3];
        Arrays.fill(rgb, (byte) 200);
        var image = new RgbImage(100, 100, rgb);
        // A face in the top-left corner: its enlarged square crop reaches past the image's edges.
        float[] crop = EmotionTranslator.crop(image, new Box(0, 0, 0.2, 0.2));
        assertThat(crop).hasSize(64 * 64);
        float grey = (200 / 255f - 0.5f) * 2;
        assertThat(crop[63 * 64 + 63]).isCloseTo(grey, within(1e-3f));
        assertThat(crop[0]).isEqualTo(-1f);
    }

    @Test
    void batchesCropsAndReadsOneDistributionEach() {
        var input = EmotionTranslator.input(List.of(new float[64 * 64], new float[64 * 64]));
        assertThat(input.shape()).containsExactly(2, 64, 64, 1);
        var expressions = EmotionTranslator.output(ParityFixtures.outputs("emotion", "astronaut-face"), 1);
        assertThat(expressions).hasSize(1);
        // She smiles broadly in the photo.
        assertThat(expressions.get(0).label()).isEqualTo("happy");
        double sum = 0;
        for (float p : expressions.get(0).probabilities()) {
            sum += p;
        }
        assertThat(sum).isCloseTo(1, within(1e-3));
    }
}
