package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.analyzer.vision.BlazeFaceTranslator;
import io.cuepoint.analyzer.vision.EmotionTranslator;
import io.cuepoint.analyzer.vision.Expression;
import io.cuepoint.analyzer.vision.FacingEstimator;
import io.cuepoint.analyzer.model.TestModels;
import io.cuepoint.analyzer.vision.RgbImage;
import io.cuepoint.analyzer.vision.VisionTestImages;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.Keypoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * BlazeFace and the emotion model through the TensorFlow engine on real images and a real clip.
 *
 * <p>Megamind.avi (720 x 528), faces read by eye on frames extracted with
 * {@code ffmpeg -ss T -i Megamind.avi -frames:v 1} under a 50-pixel grid; the point is the middle of the
 * face between brows and chin: 1 s the woman (305, 265); 3 s the woman, eyes closed, head tilted
 * (300, 285); 5 s the man (465, 250); 7 s the woman (270, 240); 9 s the man in close-up (405, 285);
 * 10.5 s the man (445, 250).
 */
class FaceDetectorRealTest {
    private static final DetectionContext CTX = new DetectionContext("test");
    private static final double[][] MEGAMIND_FACES = {
            {1000, 305, 265}, {3000, 300, 285}, {5000, 465, 250}, {7000, 270, 240}, {9000, 405, 285},
            {10500, 445, 250}};

    private static FaceDetector detector(boolean expressions) {
        return new FaceDetector(FaceConfig.defaults(), TestModels.get(DetectorRegistry.BLAZEFACE),
                expressions ? TestModels.get(DetectorRegistry.EMOTION) : null);
    }

    @Test
    void findsTheAstronautsFaceTurnedToTheCameraAndSmiling() {
        var image = RgbImage.decode(VisionTestImages.astronaut());
        try (var faces = detector(true)) {
            var found = faces.find(image);
            assertThat(found).hasSize(1);
            var face = found.get(0);
            assertThat(face.score()).isGreaterThan(0.8);
            double cx = (face.box().left() + face.box().right()) / 2 * 512;
            double cy = (face.box().top() + face.box().bottom()) / 2 * 512;
            // Read by eye (VisionTestImages): face centre about (225, 127).
            assertThat(Math.hypot(cx - 225, cy - 127)).isLessThan(15);
            assertNear(face.landmark("right_eye"), 202, 102);
            assertNear(face.landmark("left_eye"), 247, 102);
            assertNear(face.landmark("nose"), 225, 125);
            assertThat(Math.abs(FacingEstimator.yawDeg(face, 1))).isLessThan(15);

            var expressions = faces.expressions(List.of(EmotionTranslator.crop(image, face.box())));
            assertValidDistribution(expressions.get(0));
            assertThat(expressions.get(0).label()).isEqualTo("happy");
        }
    }

    @Test
    void emotionBatchesGiveTheSameAnswersAsSingleCrops() {
        var astronaut = RgbImage.decode(VisionTestImages.astronaut());
        var megamind = RgbImage.decode(RealClips.sampleAt(RealClips.megamind().get(0), 1000).analysisJpeg());
        try (var faces = detector(true)) {
            var crops = new ArrayList<float[]>();
            crops.add(EmotionTranslator.crop(astronaut, faces.find(astronaut).get(0).box()));
            crops.add(EmotionTranslator.crop(megamind, faces.find(megamind).get(0).box()));
            var batch = faces.expressions(crops);
            assertThat(batch).hasSize(2);
            for (int i = 0; i < crops.size(); i++) {
                var single = faces.expressions(List.of(crops.get(i))).get(0);
                assertValidDistribution(batch.get(i));
                for (int k = 0; k < EmotionTranslator.LABELS.size(); k++) {
                    assertThat(batch.get(i).probabilities()[k]).isCloseTo(single.probabilities()[k], within(1e-4f));
                }
            }
        }
    }

    @Test
    void megamindFacesAreFoundWhereTheyAreWithTheContractsEvents() {
        var segment = RealClips.megamind().get(0);
        List<Event> first;
        List<Event> second;
        try (var faces = detector(true)) {
            first = faces.detect(segment, CTX);
            second = faces.detect(segment, CTX);
        }
        assertThat(second).isEqualTo(first);
        ModelEvents.assertWellFormed(first, segment, FaceDetector.NAME, "face", "blazeface@sha256:",
                Set.of(FaceDetector.DETECTED));
        assertThat(first).allSatisfy(e -> assertThat(e.producer().model()).contains("+emotion@sha256:"));
        var detected = first.stream().filter(e -> e.type().equals(FaceDetector.DETECTED)).toList();
        for (double[] face : MEGAMIND_FACES) {
            long at = RealClips.sampleAt(segment, (long) face[0]).ptsMs();
            double x = face[1] / 720;
            double y = face[2] / 528;
            assertThat(detected.stream().filter(e -> e.startMs() == at))
                    .as("a face box around (%.0f, %.0f) at %d ms", face[1], face[2], at)
                    .anySatisfy(e -> {
                        assertThat(x).isBetween(e.box().left(), e.box().right());
                        assertThat(y).isBetween(e.box().top(), e.box().bottom());
                    });
        }
        assertThat(detected).allSatisfy(e -> {
            assertThat(e.keypoints()).extracting(Keypoint::name).containsExactlyElementsOf(BlazeFaceTranslator.LANDMARKS);
            assertThat(e.attributes()).containsKeys("facingCamera", "yawDeg", "expression", "expressionScore");
            assertThat(EmotionTranslator.LABELS).contains((String) e.attributes().get("expression"));
        });
        // The count is reported on the first sample and whenever it changes.
        var counts = first.stream().filter(e -> e.type().equals(FaceDetector.COUNT)).toList();
        assertThat(counts).isNotEmpty();
        assertThat(counts.get(0).startFrame()).isEqualTo(Samples.all(segment).get(0).frame());
        for (int i = 1; i < counts.size(); i++) {
            assertThat(counts.get(i).attributes().get("count")).isNotEqualTo(counts.get(i - 1).attributes().get("count"));
        }
        var present = first.stream().filter(e -> e.type().equals(FaceDetector.PRESENT)).toList();
        assertThat(present).isNotEmpty().allSatisfy(e -> {
            assertThat((double) e.attributes().get("facingShare")).isBetween(0.0, 1.0);
            // One segment makes the whole video: nothing is open.
            assertThat(e.fragment()).isNull();
        });
        assertThat(first).extracting(Event::type).contains(FaceDetector.EXPRESSION);
    }

    private static void assertValidDistribution(Expression expression) {
        float[] p = expression.probabilities();
        assertThat(p).hasSize(7);
        double sum = 0;
        for (float v : p) {
            assertThat(v).isBetween(0f, 1f);
            sum += v;
        }
        assertThat(sum).isCloseTo(1, within(1e-3));
    }

    private static void assertNear(Keypoint k, double x, double y) {
        assertThat(Math.hypot(k.x() * 512 - x, k.y() * 512 - y)).as(k.name()).isLessThan(10);
    }
}
