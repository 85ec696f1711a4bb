package io.cuepoint.analyzer.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.analyzer.model.Tensor;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CenterNetTranslatorTest {

    @Test
    void keepsWantedLabelsAboveTheScoreAndSuppressesWithinALabel() {
        float[] d = {
            // x1, y1, x2, y2 (input pixels of 512), score, class
            0, 128, 256, 384, 0.9f, 0,      // person
            8, 128, 256, 384, 0.8f, 0,      // the same person again: suppressed
            8, 128, 256, 384, 0.7f, 41,     // a cup on it: another label, kept
            300, 200, 400, 300, 0.2f, 0,    // below the score
            300, 200, 400, 300, 0.9f, 2,    // car: not wanted
            0, 0, 0, 0, 0.95f, Float.NaN,   // no class
        };
        var outputs = Map.of("tower_0/detections", Tensor.ofFloats(d, 1, 6, 6),
                "tower_0/keypoints", Tensor.ofFloats(new float[80], 1, 1, 1, 80));
        // 1024 x 512 image: square 1024, image in rows 256..768 of it.
        var objects = new CenterNetTranslator(0.3, 0.5, Set.of("person", "cup")).output(outputs,
                Letterbox.of(1024, 512));
        assertThat(objects).extracting(DetectedObject::label).containsExactly("person", "cup");
        var person = objects.get(0);
        assertThat(person.score()).isCloseTo(0.9, within(1e-6));
        assertThat(person.box().left()).isZero();
        assertThat(person.box().right()).isCloseTo(0.5, within(1e-6));
        // Square y 128..384 of 512 -> 256..768 of 1024 -> image 0..512 of 512.
        assertThat(person.box().top()).isCloseTo(0, within(1e-6));
        assertThat(person.box().bottom()).isCloseTo(1, within(1e-6));
    }

    @Test
    void referenceOutputFindsTheWalkersInVtest() {
        // vtest.avi frame 50 (768 x 576), looked at by eye: six people, five of them in the open (by
        // the lamp post at x ~ 385, 445, and further right at x ~ 520, 565, 690) and one half hidden
        // behind the sign. The reference CenterNet output should find at least the five in the open.
        var objects = new CenterNetTranslator(0.3, 0.5, Set.of("person")).output(
                ParityFixtures.outputs("centernet", "vtest"), Letterbox.of(768, 576));
        assertThat(objects.stream().filter(o -> o.score() >= 0.5)).hasSizeGreaterThanOrEqualTo(5);
        assertThat(objects).allSatisfy(o -> assertThat(o.box().bottom()).isGreaterThan(o.box().top()));
        // Every walker stands on the path in the upper half of the frame.
        assertThat(objects.stream().filter(o -> o.score() >= 0.5))
                .allSatisfy(o -> assertThat(o.box().bottom()).isBetween(0.3, 0.7));
    }
}
