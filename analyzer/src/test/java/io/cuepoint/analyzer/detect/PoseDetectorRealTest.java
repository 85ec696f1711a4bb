package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.vision.MoveNetTranslator;
import io.cuepoint.analyzer.model.TestModels;
import io.cuepoint.analyzer.vision.RgbImage;
import io.cuepoint.analyzer.vision.VisionTestImages;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.Keypoint;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** MoveNet through the TensorFlow engine on real images and a real clip. */
class PoseDetectorRealTest {
    private static final DetectionContext CTX = new DetectionContext("test");

    private static PoseDetector detector(PoseConfig.Model model) {
        return new PoseDetector(new PoseConfig(model, PoseConfig.defaults().minScore()), TestModels.get(model.modelName()));
    }

    @ParameterizedTest
    @EnumSource(PoseConfig.Model.class)
    void placesMessisWristsAndAnklesWhereTheyAre(PoseConfig.Model model) {
        try (var pose = detector(model)) {
            var people = pose.estimate(RgbImage.decode(VisionTestImages.messi5()));
            assertThat(people).isNotEmpty();
            VisionTestImages.assertMessisJointsNearEyeReadings(people.get(0));
        }
    }

    @Test
    void personTracksHaveTheContractsShape() {
        // Megamind in 4 s segments, segment 1 (4-8 s): the woman on the lead-in and until the cut at
        // 4.13 s, then the man, then the woman again; each fills a good part of the frame.
        var segment = RealClips.withSampledLeadIn(RealClips.megamindShortSegments(), 1);
        List<Event> first;
        List<Event> second;
        try (var pose = detector(PoseConfig.Model.LIGHTNING)) {
            first = pose.detect(segment, CTX);
            second = pose.detect(segment, CTX);
        }
        // Same segment, same events with the same ids: replays upsert.
        assertThat(second).isEqualTo(first);
        ModelEvents.assertWellFormed(first, segment, PoseDetector.NAME, "person", "movenet-lightning@sha256:",
                Set.of(PoseDetector.POSE));
        var poses = first.stream().filter(e -> e.type().equals(PoseDetector.POSE)).toList();
        var present = first.stream().filter(e -> e.type().equals(PoseDetector.PRESENT)).toList();
        // 4 s at 4 samples per second, nearly all with a person.
        assertThat(poses).hasSizeGreaterThan(12);
        assertThat(present).isNotEmpty();
        assertThat(first).extracting(Event::type).containsOnly(PoseDetector.POSE, PoseDetector.PRESENT);
        assertThat(poses).allSatisfy(e -> assertThat(e.keypoints()).extracting(Keypoint::name)
                .containsExactlyElementsOf(MoveNetTranslator.KEYPOINTS));
        // Segment 1 has a lead-in; its instants are marked and belong to tracks like any other.
        var leadIn = segment.leadIn();
        assertThat(leadIn).isNotNull();
        assertThat(leadIn.sampled()).isTrue();
        assertThat(poses.stream().filter(e -> e.startFrame() == leadIn.frame()))
                .isNotEmpty().allSatisfy(e -> assertThat(e.attributes()).containsEntry("leadIn", true));
        // Every track's interval spans its instants (lead-in excluded) and counts them.
        for (var interval : present) {
            var own = poses.stream().filter(e -> e.track().equals(interval.track()) && e.startFrame() != leadIn.frame())
                    .toList();
            assertThat(interval.attributes().get("sampleCount")).isEqualTo(own.size());
            assertThat(interval.startMs()).isEqualTo(own.get(0).startMs());
            assertThat(interval.endMs()).isEqualTo(own.get(own.size() - 1).startMs());
        }
        // The person seen from the segment's first sample on is a fragment open at the start (segment 1 has
        // a previous segment), the one seen to its last sample is open at the end (there is a segment 2).
        var firstSample = Samples.all(segment).get(0).frame();
        var lastSample = Samples.all(segment).get(Samples.all(segment).size() - 1).frame();
        assertThat(present).allSatisfy(e -> {
            assertThat(e.fragment() != null && e.fragment().openStart()).isEqualTo(e.startFrame() == firstSample);
            assertThat(e.fragment() != null && e.fragment().openEnd()).isEqualTo(e.endFrame() == lastSample);
        });
        assertThat(present).anyMatch(e -> e.fragment() != null && e.fragment().openStart());
        assertThat(present).anyMatch(e -> e.fragment() != null && e.fragment().openEnd());
    }
}
