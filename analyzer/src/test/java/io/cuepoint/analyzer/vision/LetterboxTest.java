package io.cuepoint.analyzer.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LetterboxTest {

    @Test
    void wideImageIsCentredVertically() {
        var box = Letterbox.of(640, 360);
        assertThat(box.side()).isEqualTo(640);
        assertThat(box.padX()).isZero();
        assertThat(box.padY()).isEqualTo(140);
        assertThat(box.imageX(0.5)).isCloseTo(0.5, within(1e-9));
        assertThat(box.imageY(140 / 640.0)).isCloseTo(0, within(1e-9));
        assertThat(box.imageY(500 / 640.0)).isCloseTo(1, within(1e-9));
    }

    @Test
    void tallImageIsCentredHorizontallyAndTheOddPixelGoesRight() {
        var box = Letterbox.of(3, 6);
        assertThat(box.padX()).isEqualTo(1);
        assertThat(box.padY()).isZero();
        assertThat(box.imageX(1 / 6.0)).isCloseTo(0, within(1e-9));
    }

    @Test
    void samplesLikeTensorFlowsLegacyBilinearResize() {
        // 2 x 2 image of grey levels 0, 100 / 200, 40, enlarged to 4 x 4: sources at 0, 0.5, 1, 1.5,
        // the last clamped to the edge.
        byte[] rgb = new byte[12];
        int[] grey = {0, 100, 200, 40};
        for (int i = 0; i < 4; i++) {
            rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = (byte) grey[i];
        }
        float[] v = Letterbox.of(2, 2).sample(new RgbImage(2, 2, rgb), 4);
        assertThat(at(v, 0, 0)).isEqualTo(0f);
        assertThat(at(v, 0, 1)).isEqualTo(50f);
        assertThat(at(v, 0, 3)).isEqualTo(100f);
        assertThat(at(v, 1, 0)).isEqualTo(100f);
        assertThat(at(v, 1, 1)).isEqualTo(85f);
        assertThat(at(v, 3, 3)).isEqualTo(40f);
    }

    private static float at(float[] v, int row, int col) {
        return v[(row * 4 + col) * 3];
    }
}
