package io.cuepoint.analyzer.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.analyzer.model.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlazeFaceTranslatorTest {
    private final BlazeFaceTranslator translator = new BlazeFaceTranslator(0.6, 0.3, 20);

    @Test
    void anchorsFollowTheTwoGridsFineFirst() {
        float[] a = BlazeFaceTranslator.anchors();
        assertThat(a).hasSize(2 * 896);
        // 16 x 16 cells of 16 pixels, two anchors each, row by row.
        assertThat(new float[] {a[0], a[1], a[2], a[3], a[4], a[5]}).containsExactly(8, 8, 8, 8, 24, 8);
        assertThat(new float[] {a[2 * 32], a[2 * 32 + 1]}).containsExactly(8, 24);
        // Then 8 x 8 cells of 32 pixels, six anchors each.
        assertThat(new float[] {a[2 * 512], a[2 * 512 + 1], a[2 * 518], a[2 * 518 + 1]}).containsExactly(16, 16, 48, 16);
        assertThat(new float[] {a[2 * 895], a[2 * 895 + 1]}).containsExactly(240, 240);
    }

    @Test
    void inputIsScaledToMinusOneToOne() {
        var image = new RgbImage(1, 1, new byte[] {(byte) 255, 0, (byte) 128});
        var input = translator.input(image, Letterbox.of(1, 1));
        assertThat(input.shape()).containsExactly(1, 256, 256, 3);
        assertThat(input.floats()[0]).isEqualTo(1f);
        assertThat(input.floats()[1]).isEqualTo(-1f);
        assertThat(input.floats()[2]).isCloseTo(128 / 127.5f - 1, within(1e-6f));
    }

    @Test
    void decodesOneAnchorIntoABoxAndLandmarksOnTheImage() {
        var fineScores = new float[512];
        var coarseScores = new float[384];
        java.util.Arrays.fill(fineScores, -10);
        java.util.Arrays.fill(coarseScores, -10);
        var fineRegs = new float[512 * 16];
        var coarseRegs = new float[384 * 16];
        // Coarse anchor 198 is the first of cell (1, 4): centre (48, 144). Box centre 4 pixels right of
        // it, 64 x 32 pixels.
        coarseScores[198] = 5;
        int o = 198 * 16;
        coarseRegs[o] = 4;
        coarseRegs[o + 2] = 64;
        coarseRegs[o + 3] = 32;
        coarseRegs[o + 4] = -10;  // right eye 10 pixels left of the anchor
        var outputs = Map.of(
                "Identity", Tensor.ofFloats(fineScores, 1, 512, 1),
                "Identity_1", Tensor.ofFloats(coarseScores, 1, 384, 1),
                "Identity_2", Tensor.ofFloats(fineRegs, 1, 512, 16),
                "Identity_3", Tensor.ofFloats(coarseRegs, 1, 384, 16));
        // A 512 x 256 image: the square is 512 x 512 with the image in rows 128..384.
        var faces = translator.output(outputs, Letterbox.of(512, 256));
        assertThat(faces).hasSize(1);
        var face = faces.get(0);
        assertThat(face.score()).isCloseTo(1 / (1 + Math.exp(-5)), within(1e-9));
        // Square pixels x 20..84, y 128..160 of 256 -> image pixels x 40..168, y 256..320 - 128.
        assertThat(face.box().left()).isCloseTo(40 / 512.0, within(1e-6));
        assertThat(face.box().right()).isCloseTo(168 / 512.0, within(1e-6));
        assertThat(face.box().top()).isCloseTo(0.5, within(1e-6));
        assertThat(face.box().bottom()).isCloseTo(0.75, within(1e-6));
        assertThat(face.landmark("right_eye").x()).isCloseTo(76 / 512.0, within(1e-6));
    }

    @Test
    void referenceOutputFindsTheAstronautsFace() {
        // Positions read by eye: see VisionTestImages.
        var faces = translator.output(ParityFixtures.outputs("blazeface", "astronaut"), Letterbox.of(512, 512));
        assertThat(faces).hasSize(1);
        var face = faces.get(0);
        assertThat(face.score()).isGreaterThan(0.8);
        assertThat(face.box().left() * 512).isBetween(160.0, 190.0);
        assertThat(face.box().right() * 512).isBetween(262.0, 290.0);
        assertThat(face.box().top() * 512).isBetween(60.0, 95.0);
        assertThat(face.box().bottom() * 512).isBetween(160.0, 190.0);
        assertNear(face.landmark("right_eye"), 202, 102, 8);
        assertNear(face.landmark("left_eye"), 247, 102, 8);
        assertNear(face.landmark("nose"), 225, 125, 8);
        assertNear(face.landmark("mouth"), 222, 145, 8);
    }

    @Test
    void referenceOutputFindsTheWomansFaceInMegamind() {
        // Megamind.avi frame 48 (720 x 528): the woman's face, read by eye, spans about x 240..370,
        // y 175..310 with its centre near (305, 245).
        var faces = translator.output(ParityFixtures.outputs("blazeface", "megamind"), Letterbox.of(720, 528));
        assertThat(faces).isNotEmpty();
        var face = faces.get(0);
        double cx = (face.box().left() + face.box().right()) / 2 * 720;
        double cy = (face.box().top() + face.box().bottom()) / 2 * 528;
        assertThat(cx).isBetween(275.0, 335.0);
        assertThat(cy).isBetween(215.0, 275.0);
    }

    private static void assertNear(io.cuepoint.analyzer.wire.Keypoint k, double x, double y, double px) {
        assertThat(Math.hypot(k.x() * 512 - x, k.y() * 512 - y)).as(k.name()).isLessThan(px);
    }
}
