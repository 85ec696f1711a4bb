package io.cuepoint.analyzer.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.analyzer.model.Tensor;
import org.junit.jupiter.api.Test;

class MoveNetTranslatorTest {

    @Test
    void inputIsTheLetterboxedImageAsInt32() {
        // 2 x 1 image, red then blue: the square is 2 x 2 with the image on the top row, black below.
        var image = new RgbImage(2, 1, new byte[] {(byte) 255, 0, 0, 0, 0, (byte) 200});
        var translator = new MoveNetTranslator(4);
        var input = translator.input(image, translator.letterbox(image));
        assertThat(input.shape()).containsExactly(1, 4, 4, 3);
        assertThat(input.type()).isEqualTo(Tensor.Type.INT32);
        int[] v = input.ints();
        assertThat(new int[] {v[0], v[1], v[2]}).containsExactly(255, 0, 0);
        // Column 1 samples half way between red and blue; truncated like tf.cast.
        assertThat(new int[] {v[3], v[4], v[5]}).containsExactly(127, 0, 100);
        assertThat(new int[] {v[6], v[7], v[8]}).containsExactly(0, 0, 200);
        // Row 2 lies in the padding.
        assertThat(v[2 * 4 * 3]).isZero();
    }

    @Test
    void keypointsMapFromTheSquareBackToTheImage() {
        // A 2:1 image fills the middle half of the square: square y 0.25..0.75 is image y 0..1.
        var letterbox = Letterbox.of(200, 100);
        var out = new float[17 * 3];
        out[0] = 0.5f;    // nose y
        out[1] = 0.25f;   // nose x
        out[2] = 0.9f;
        out[3 * 9] = 0.375f;  // left wrist y
        out[3 * 9 + 1] = 1f;
        out[3 * 9 + 2] = 0.8f;
        var poses = new MoveNetTranslator(192).output(Tensor.ofFloats(out, 1, 1, 17, 3), letterbox);
        assertThat(poses).hasSize(1);
        var pose = poses.get(0);
        assertThat(pose.keypoint("nose").x()).isCloseTo(0.25, within(1e-6));
        assertThat(pose.keypoint("nose").y()).isCloseTo(0.5, within(1e-6));
        assertThat(pose.keypoint("left_wrist").y()).isCloseTo(0.25, within(1e-6));
        // Box from the two confident keypoints only; mean over all 17.
        assertThat(pose.box().left()).isCloseTo(0.25, within(1e-6));
        assertThat(pose.box().right()).isCloseTo(1, within(1e-6));
        assertThat(pose.score()).isCloseTo((0.9 + 0.8) / 17, within(1e-6));
    }

    @Test
    void lightningReferenceOutputPutsMessisJointsWhereTheyAre() {
        var letterbox = Letterbox.of(VisionTestImages.MESSI_WIDTH, VisionTestImages.MESSI_HEIGHT);
        var poses = new MoveNetTranslator(192).output(
                MoveNetTranslator.only(ParityFixtures.outputs("movenet-lightning", "messi5")), letterbox);
        VisionTestImages.assertMessisJointsNearEyeReadings(poses.get(0));
        assertThat(poses.get(0).score()).isGreaterThan(0.5);
    }

    @Test
    void multiPoseReferenceOutputHasMessiAsItsBestPerson() {
        var letterbox = Letterbox.of(VisionTestImages.MESSI_WIDTH, VisionTestImages.MESSI_HEIGHT);
        var poses = new MoveNetTranslator(256).output(
                MoveNetTranslator.only(ParityFixtures.outputs("movenet-multipose", "messi5")), letterbox);
        assertThat(poses).hasSize(6);
        var best = poses.stream().max((a, b) -> Double.compare(a.score(), b.score())).orElseThrow();
        assertThat(best.score()).isGreaterThan(0.5);
        VisionTestImages.assertMessisJointsNearEyeReadings(best);
    }
}
