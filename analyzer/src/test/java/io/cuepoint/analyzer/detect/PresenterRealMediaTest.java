package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.model.TestModels;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.testing.TestMedia;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The presenter detector end to end on real pictures: real files decoded by ingest, MoveNet Lightning and
 * BlazeFace through TensorFlow, then {@link PresenterDetector}, all run by a {@link SegmentAnalyzer}.
 */
class PresenterRealMediaTest {

    private static List<Event> analyze(List<Segment> segments) {
        var pose = new PoseDetector(PoseConfig.defaults(), TestModels.get(PoseConfig.defaults().model().modelName()));
        var faces = new FaceDetector(new FaceConfig(0.6, 20, 30, false, 1000), TestModels.get(DetectorRegistry.BLAZEFACE),
                null);
        var events = new ArrayList<Event>();
        try (var analyzer = new SegmentAnalyzer("test", List.of(pose, faces,
                new PresenterDetector(PresenterConfig.defaults())), Clock.systemUTC())) {
            for (var segment : segments) {
                var result = analyzer.analyze(segment);
                assertThat(result.error()).isNull();
                events.addAll(result.events());
            }
        }
        return events;
    }

    private static List<Event> of(List<Event> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    @Test
    void theAstronautIsAVisiblePresenterTurnedToTheCameraAndStill() {
        // 6 s of the still picture: one person, looking into the camera, not moving.
        var events = analyze(DecodedSegments.of(PresenterClips.still()));
        var visible = of(events, PresenterDetector.VISIBLE);
        assertThat(visible).hasSize(1);
        assertThat(visible.get(0).startMs()).isZero();
        assertThat(visible.get(0).endMs()).isEqualTo(6000);
        // Head to hips fill three quarters of the picture.
        assertThat((double) visible.get(0).attributes().get("meanHeight")).isBetween(0.6, 0.95);
        assertThat(visible.get(0).track()).isEqualTo(of(events, PoseDetector.PRESENT).get(0).track());
        var facing = of(events, PresenterDetector.FACING);
        assertThat(facing).hasSize(1);
        assertThat(facing.get(0).endMs() - facing.get(0).startMs()).isEqualTo(6000);
        assertThat((double) facing.get(0).attributes().get("meanYawDeg")).isBetween(-15.0, 15.0);
        assertThat(events).extracting(Event::type).doesNotContain(PresenterDetector.GESTURING,
                PresenterDetector.HAND_RAISED, PresenterDetector.POSTURE_CHANGE, PresenterDetector.AUDIENCE_FACING);
    }

    @Test
    void aCameraPanningOverThePresenterIsNotGesturing() {
        // The window pans at up to 400 px/s, about two shoulder widths per second, twice over and back.
        var segments = DecodedSegments.of(PresenterClips.panning());
        var events = analyze(segments);
        var poses = of(events, PoseDetector.POSE);
        double minX = poses.stream().mapToDouble(e -> e.box().left()).min().orElseThrow();
        double maxX = poses.stream().mapToDouble(e -> e.box().left()).max().orElseThrow();
        // The person really moved across the picture...
        assertThat(maxX - minX).isGreaterThan(0.3);
        assertThat(of(events, PresenterDetector.VISIBLE)).hasSize(1);
        // ...but not against the shoulders.
        assertThat(of(events, PresenterDetector.GESTURING)).isEmpty();
        assertThat(of(events, PresenterDetector.POSTURE_CHANGE)).isEmpty();
    }

    @Test
    void leaningFarToOneSideIsAPostureChangeWhereItHappens() {
        // Upright for 3 s, then turned by 34 degrees from frame 75 (3000 ms) on.
        var events = analyze(DecodedSegments.of(PresenterClips.leaning()));
        var changes = of(events, PresenterDetector.POSTURE_CHANGE);
        assertThat(changes).hasSize(1);
        // The first sample in the new posture: ingest samples every 250 ms, so within one sample of 3 s.
        assertThat(changes.get(0).startMs()).isBetween(3000L, 3250L);
        assertThat((double) changes.get(0).attributes().get("magnitude")).isGreaterThanOrEqualTo(0.4);
        assertThat(of(events, PresenterDetector.GESTURING)).isEmpty();
    }

    @Test
    void megamindsSpeakersAreVisibleAndTurnedToTheCamera() {
        // 4 s segments: 0-4 s the woman, in segment 1 the man from 4.6 s to the cut back at 6.47 s.
        var events = analyze(DecodedSegments.of(TestMedia.megamind(), 4));
        var visible = of(events, PresenterDetector.VISIBLE);
        var first = visible.stream().filter(e -> e.fragment() == null || e.fragment().segment() == 0).findFirst()
                .orElseThrow();
        assertThat(first.startMs()).isZero();
        assertThat(first.endMs()).isEqualTo(4000);
        assertThat(first.fragment().openEnd()).isTrue();
        assertThat(visible).anyMatch(e -> e.startMs() >= 4000 && e.endMs() <= 8000 && e.endMs() - e.startMs() >= 1000);
        var facing = of(events, PresenterDetector.FACING);
        assertThat(facing).anyMatch(e -> e.endMs() <= 4000 && e.endMs() - e.startMs() >= 1000);
        assertThat(facing).anyMatch(e -> e.startMs() >= 4000 && e.endMs() <= 8000 && e.endMs() - e.startMs() >= 1000);
        // A presenter's events name the person track the pose detector reported in the same segment.
        var personTracks = of(events, PoseDetector.PRESENT).stream().map(Event::track).toList();
        assertThat(visible).allSatisfy(e -> assertThat(personTracks).contains(e.track()));
        assertThat(events).extracting(Event::id).doesNotHaveDuplicates();
    }

    @Test
    void threeFacesTurnedToTheCameraAreAnAttentiveAudience() {
        var events = analyze(DecodedSegments.of(PresenterClips.three()));
        var audience = of(events, PresenterDetector.AUDIENCE_FACING);
        assertThat(audience).hasSize(1);
        assertThat(audience.get(0).endMs() - audience.get(0).startMs()).isEqualTo(4000);
        // Three faces; the pose model sees no single person among three, so none of them is the presenter's.
        assertThat((double) audience.get(0).attributes().get("meanFaces")).isBetween(2.5, 3.0);
        assertThat((double) audience.get(0).attributes().get("facingShare")).isEqualTo(1.0);
        assertThat(audience.get(0).track()).isNull();
    }

    @Test
    void vtestsSmallPedestriansAreVisibleButTooSmallForLimbCues() {
        // 768 x 576 street scene, people a fifth of the picture high walking through.
        var events = analyze(RealClips.vtest());
        var visible = of(events, PresenterDetector.VISIBLE);
        assertThat(visible).isNotEmpty().allSatisfy(e -> {
            assertThat((double) e.attributes().get("meanHeight")).isLessThan(0.25);
            assertThat(e.endMs() - e.startMs()).isGreaterThanOrEqualTo(1000);
        });
        // At most one presenter per segment.
        assertThat(visible.stream().map(Event::track).distinct().count()).isLessThanOrEqualTo(3);
        assertThat(events).extracting(Event::type).doesNotContain(PresenterDetector.GESTURING,
                PresenterDetector.HAND_RAISED, PresenterDetector.POSTURE_CHANGE);
        assertThat(events).extracting(Event::id).doesNotHaveDuplicates();
    }
}
