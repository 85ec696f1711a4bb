package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.Keypoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gesturing, raised hands, posture changes and the audience on sequences built from a real pose (see
 * {@link PoseSequences}): samples every 250 ms, so "within one sample" is 250 ms.
 */
class PresenterPostureTest {
    private static final DetectionContext CTX = new DetectionContext("test");
    private final PresenterDetector detector = new PresenterDetector(PresenterConfig.defaults());

    /** The astronaut with both wrists confident (the model half sees them behind the helmet). */
    private static List<Keypoint> base() {
        return PoseSequences.astronaut().stream().map(k -> k.name().endsWith("wrist")
                ? new Keypoint(k.name(), k.x(), k.y(), 0.6) : k).toList();
    }

    private static List<Event> of(List<Event> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    @Test
    void aWavingWristIsGesturingFromTheFirstToTheLastMovingSample() {
        var base = base();
        var segment = PoseSequences.segment(0, 32, true);
        // Samples 8-16: the right wrist zigzags 0.15 of the picture (0.36 shoulder widths) up and down every
        // sample, 1.45 shoulder widths per second. Samples 16-31: the whole person drifts right 0.01 per
        // sample as a walk or a pan would move them, limbs still.
        var poses = PoseSequences.poses(segment, i -> {
            if (i > 8 && i <= 16) {
                return PoseSequences.move(base, "right_wrist", 0, (i - 8) % 2 == 1 ? -0.15 : 0);
            }
            return i > 16 ? PoseSequences.shift(base, 0.01 * (i - 16), 0) : base;
        });
        var events = detector.derive(segment, poses, CTX).events();
        var gesturing = of(events, PresenterDetector.GESTURING);
        assertThat(gesturing).hasSize(1);
        // The wrist leaves its rest at sample 8 (2000 ms) and is back at sample 16 (4000 ms).
        assertThat(gesturing.get(0).startMs()).isEqualTo(2000);
        assertThat(gesturing.get(0).endMs()).isEqualTo(4000);
        assertThat(gesturing.get(0).endFrame()).isEqualTo(15);
        assertThat((double) gesturing.get(0).attributes().get("meanWristSpeed")).isBetween(1.3, 1.6);
        assertThat(gesturing.get(0).track()).isEqualTo(PoseSequences.TRACK);
        assertThat(gesturing.get(0).fragment()).isNull();
        assertThat(of(events, PresenterDetector.POSTURE_CHANGE)).isEmpty();
        assertThat(of(events, PresenterDetector.HAND_RAISED)).isEmpty();
    }

    @Test
    void aWristAboveTheShouldersIsARaisedHandOfThatSide() {
        var base = base();
        var shoulder = PoseSequences.get(base, "right_shoulder");
        var wrist = PoseSequences.get(base, "right_wrist");
        var segment = PoseSequences.segment(0, 32, true);
        // Samples 10-19: the right wrist held 0.2 of the picture (half a shoulder width) above the shoulder.
        var raised = PoseSequences.move(base, "right_wrist", shoulder.x() + 0.05 - wrist.x(), shoulder.y() - 0.2 - wrist.y());
        var events = detector.derive(segment, PoseSequences.poses(segment, i -> i >= 10 && i < 20 ? raised : base),
                CTX).events();
        var hands = of(events, PresenterDetector.HAND_RAISED);
        assertThat(hands).hasSize(1);
        assertThat(hands.get(0).attributes()).containsEntry("hand", "right");
        assertThat(hands.get(0).startMs()).isEqualTo(2500);
        assertThat(hands.get(0).endMs()).isEqualTo(5000);
        assertThat(hands.get(0).confidence()).isEqualTo(1.0);
    }

    @Test
    void aHandRaisedAcrossTheWholeSegmentIsAFragmentOpenOnBothSides() {
        var base = base();
        var shoulder = PoseSequences.get(base, "left_shoulder");
        var wrist = PoseSequences.get(base, "left_wrist");
        var raised = PoseSequences.move(base, "left_wrist", 0, shoulder.y() - 0.2 - wrist.y());
        var segment = PoseSequences.segment(1, 8, false);
        var events = detector.derive(segment, PoseSequences.poses(segment, i -> raised), CTX).events();
        var hands = of(events, PresenterDetector.HAND_RAISED);
        assertThat(hands).hasSize(1);
        assertThat(hands.get(0).attributes()).containsEntry("hand", "left");
        assertThat(hands.get(0).startMs()).isEqualTo(segment.end().startMs());
        assertThat(hands.get(0).endMs()).isEqualTo(segment.end().endMs());
        assertThat(hands.get(0).fragment().openStart()).isTrue();
        assertThat(hands.get(0).fragment().openEnd()).isTrue();
        // Visible throughout: one fragment, open on both sides.
        assertThat(of(events, PresenterDetector.VISIBLE)).singleElement()
                .satisfies(e -> assertThat(e.fragment().openStart() && e.fragment().openEnd()).isTrue());
    }

    @Test
    void leaningTheBodyIsOnePostureChangeOnTheFirstSampleOfTheNewPosture() {
        var base = PoseSequences.astronaut();
        var segment = PoseSequences.segment(0, 24, true);
        var leant = PoseSequences.rotate(base, 0.8, 0.5, 0.5);
        var events = detector.derive(segment, PoseSequences.poses(segment, i -> i < 12 ? base : leant), CTX).events();
        var changes = of(events, PresenterDetector.POSTURE_CHANGE);
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).startMs()).isEqualTo(3000);
        assertThat(changes.get(0).endMs()).isEqualTo(3000);
        assertThat((double) changes.get(0).attributes().get("magnitude")).isGreaterThan(0.4);
        // The same rotation of the whole picture, done gradually over 6 s, is no sudden change.
        var slow = detector.derive(segment, PoseSequences.poses(segment,
                i -> PoseSequences.rotate(base, 0.8 * i / 23.0, 0.5, 0.5)), CTX).events();
        assertThat(of(slow, PresenterDetector.POSTURE_CHANGE)).isEmpty();
    }

    @Test
    void theAudienceIsSplitWhereItsFacingShareDrops() {
        var segment = PoseSequences.segment(0, 24, true);
        var faces = new ArrayList<Event>();
        for (var frame : segment.frames()) {
            for (int f = 0; f < 3; f++) {
                // All three faces turned to the camera for 3 s, then two of them look away.
                boolean facing = frame.frame() < 12 || f == 0;
                faces.add(CTX.builder(segment, FaceDetector.NAME, FaceDetector.DETECTED).track("face-s0-" + (f + 1))
                        .at(frame).confidence(0.9).box(new io.cuepoint.analyzer.wire.Box(0.1 + 0.3 * f, 0.2, 0.2 + 0.3 * f, 0.35))
                        .attribute("facingCamera", facing).attribute("yawDeg", facing ? 5.0 : 60.0).build());
            }
        }
        var audience = of(detector.derive(segment, faces, CTX).events(), PresenterDetector.AUDIENCE_FACING);
        assertThat(audience).hasSize(2);
        assertThat(audience.get(0).startMs()).isZero();
        assertThat(audience.get(0).endMs()).isEqualTo(3000);
        assertThat(audience.get(1).startMs()).isEqualTo(3000);
        assertThat(audience.get(1).endMs()).isEqualTo(6000);
        assertThat(audience.get(0).attributes()).containsEntry("facingShare", 1.0).containsEntry("meanFaces", 3.0);
        assertThat((double) audience.get(1).attributes().get("facingShare")).isCloseTo(1 / 3.0,
                org.assertj.core.data.Offset.offset(0.001));
    }
}
