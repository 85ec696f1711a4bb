package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.analyzer.wire.Box;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.Keypoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * {@link SkillsDetector} on hand-made {@code person.pose} and {@code hand.detected} events: which hands it reads
 * and how its intervals are cut at segment boundaries. 32 samples 250 ms apart on 512 x 512 analysis images.
 */
class SkillsDetectorTest {
    private static final int SAMPLES = 32;
    private static final DetectionContext CTX = new DetectionContext("test");
    private static final Box BIG = new Box(0.2, 0.1, 0.8, 0.9);
    private static final Box SMALL = new Box(0.85, 0.1, 0.95, 0.3);
    private final SkillsDetector detector = new SkillsDetector(SkillsConfig.defaults());
    private final Segment segment = PoseSequences.segment(0, SAMPLES, true);

    @Test
    void theHandsAreThoseOfTheLargestLongestSeenPerson() {
        var events = new ArrayList<Event>();
        // A small bystander waving all the time, and the operator, large, whose left hand makes one reach.
        events.addAll(person(segment, "person-s0-1", SMALL, i -> true, i -> 0.9 + 0.04 * (i % 2), 0.2, 0.9));
        events.addAll(person(segment, "person-s0-2", BIG, i -> true, SkillsDetectorTest::reach, 0.5, 0.9));

        var out = derive(events);

        var summary = summary(out);
        assertThat(summary.attributes()).containsEntry("source", "pose");
        var left = side(summary, "left");
        assertThat(left.get("movementCount")).isEqualTo(1);
        assertThat(((Number) left.get("pathLength")).doubleValue()).isCloseTo(0.4 / Math.sqrt(2), within(0.005));
        assertThat(((Number) side(summary, "right").get("pathLength")).doubleValue()).isZero();
    }

    @Test
    void aLargePersonSeenOnlyBrieflyIsNotThePrincipal() {
        var events = new ArrayList<Event>();
        events.addAll(person(segment, "person-s0-1", SMALL, i -> true, SkillsDetectorTest::reach, 0.5, 0.9));
        // 24 times the area, one sample in 32.
        events.addAll(person(segment, "person-s0-2", BIG, i -> i == 0, i -> 0.5, 0.5, 0.9));

        var left = side(summary(derive(events)), "left");

        assertThat(left.get("movementCount")).isEqualTo(1);
        assertThat(left.get("trackedMs")).isEqualTo(7750L);
    }

    @Test
    void thePrincipalIsFollowedAcrossABreakOfItsPoseTrack() {
        var events = new ArrayList<Event>();
        // The tracker lost the operator for one sample and gave it a new track; a bystander overlaps both.
        events.addAll(person(segment, "person-s0-1", BIG, i -> i < 12, SkillsDetectorTest::reach, 0.5, 0.9));
        events.addAll(person(segment, "person-s0-3", BIG, i -> i > 12, SkillsDetectorTest::reach, 0.5, 0.9));
        events.addAll(person(segment, "person-s0-2", SMALL, i -> true, i -> 0.9 + 0.04 * (i % 2), 0.2, 0.9));

        var left = side(summary(derive(events)), "left");

        assertThat(left.get("trackedMs")).isEqualTo(7750L);
        assertThat(left.get("movementCount")).isEqualTo(1);
        assertThat(((Number) left.get("pathLength")).doubleValue()).isCloseTo(0.4 / Math.sqrt(2), within(0.005));
    }

    @Test
    void handTracksStandInOnlyWhereNoWristIsSeen() {
        var hands = hands(segment, "hand-s0-1", 0.3);
        var seen = new ArrayList<>(person(segment, "person-s0-1", BIG, i -> true, SkillsDetectorTest::reach, 0.5, 0.9));
        seen.addAll(hands);
        assertThat(summary(derive(seen)).attributes()).containsEntry("source", "pose");

        var unseen = new ArrayList<>(person(segment, "person-s0-1", BIG, i -> true, SkillsDetectorTest::reach, 0.5, 0.05));
        unseen.addAll(hands);
        var summary = summary(derive(unseen));
        assertThat(summary.attributes()).containsEntry("source", "hands");
        assertThat(side(summary, "left").get("movementCount")).isEqualTo(1);
        assertThat(summary.attributes()).doesNotContainKeys("right", "balance");
    }

    @Test
    void weakWristsAreMeasuredRatherThanDropped() {
        // Scores of 0.2: below the 0.3 threshold, above half of it; no hand detector ran.
        var out = derive(person(segment, "person-s0-1", BIG, i -> true, SkillsDetectorTest::reach, 0.5, 0.2));

        var left = side(summary(out), "left");
        assertThat(left.get("movementCount")).isEqualTo(1);
        assertThat(left.get("trackedMs")).isEqualTo(7750L);
    }

    @Test
    void aPersonSeenOnceStillGivesASummary() {
        var out = derive(person(segment, "person-s0-1", BIG, i -> i == 5, i -> 0.5, 0.5, 0.9));

        assertThat(out).extracting(Event::type).containsExactly(SkillsDetector.SEGMENT);
        assertThat(side(summary(out), "left")).containsEntry("trackedMs", 0L).containsEntry("movementCount", 0);
        assertThat(summary(out).attributes()).doesNotContainKey("balance");
    }

    @Test
    void nothingWithoutPeopleOrHands() {
        assertThat(derive(List.of())).isEmpty();
    }

    @Test
    void intervalsAtTheSegmentsEdgesAreFragmentsWithIdsThatDoNotChangeFromRunToRun() {
        var middle = PoseSequences.segment(1, SAMPLES, false);
        var events = person(middle, "person-s1-1", BIG, i -> true, SkillsDetectorTest::reach, 0.5, 0.9);

        var out = detector.derive(middle, events, CTX).events();
        var again = detector.derive(middle, events, CTX).events();

        assertThat(out).extracting(Event::id).containsExactlyElementsOf(again.stream().map(Event::id).toList())
                .doesNotHaveDuplicates();
        for (var hand : List.of("left", "right")) {
            var runs = out.stream().filter(e -> hand.equals(e.attributes().get("hand"))).toList();
            assertThat(runs.get(0).fragment().openStart()).isTrue();
            assertThat(runs.get(runs.size() - 1).fragment().openEnd()).isTrue();
            runs.subList(1, Math.max(1, runs.size() - 1)).forEach(r -> assertThat(r.fragment()).isNull());
            assertThat(runs.get(0).startMs()).isEqualTo(middle.frames().get(0).ptsMs());
        }
        assertThat(out.stream().filter(e -> "left".equals(e.attributes().get("hand"))).map(Event::type))
                .containsExactly(SkillsDetector.IDLE, SkillsDetector.ACTIVE, SkillsDetector.IDLE);
        // The last segment's intervals end there: closed.
        var last = PoseSequences.segment(2, SAMPLES, true);
        var closing = detector.derive(last, person(last, "person-s2-1", BIG, i -> true, i -> 0.5, 0.5, 0.9), CTX);
        assertThat(closing.events().stream().filter(e -> e.attributes().containsKey("hand")).toList())
                .allSatisfy(e -> assertThat(e.fragment().openEnd()).isFalse());
    }

    /** The left wrist's x: rests at 0.2, reaches to 0.6 from sample 8 to 16 (0.14 diagonals per second). */
    private static double reach(int i) {
        return 0.2 + 0.4 * Math.min(1, Math.max(0, (i - 8) / 8.0));
    }

    private List<Event> derive(List<Event> upstream) {
        return detector.derive(segment, upstream, CTX).events();
    }

    private static Event summary(List<Event> out) {
        var summaries = out.stream().filter(e -> e.type().equals(SkillsDetector.SEGMENT)).toList();
        assertThat(summaries).hasSize(1);
        return summaries.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> side(Event summary, String side) {
        return (Map<String, Object>) summary.attributes().get(side);
    }

    /** Pose samples of one track: the left wrist at (leftX(i), 0.5), the right one resting at (rightX, 0.6). */
    private static List<Event> person(Segment segment, String track, Box box, IntPredicate seen,
                                      java.util.function.IntToDoubleFunction leftX, double rightX, double wristScore) {
        var events = new ArrayList<Event>();
        var frames = segment.frames();
        for (int i = 0; i < frames.size(); i++) {
            if (!seen.test(i)) {
                continue;
            }
            var keypoints = List.of(new Keypoint("left_shoulder", box.left(), box.top(), 0.9),
                    new Keypoint("left_wrist", leftX.applyAsDouble(i), 0.5, wristScore),
                    new Keypoint("right_wrist", rightX, 0.6, wristScore));
            events.add(CTX.builder(segment, PoseDetector.NAME, PoseDetector.POSE).track(track).at(frames.get(i))
                    .confidence(0.6).box(box).keypoints(keypoints).build());
        }
        return events;
    }

    /** A hand track on every sample whose box centre makes the same reach as {@link #reach}. */
    private static List<Event> hands(Segment segment, String track, double size) {
        var events = new ArrayList<Event>();
        var frames = segment.frames();
        for (int i = 0; i < frames.size(); i++) {
            double x = reach(i);
            events.add(CTX.builder(segment, HandDetector.NAME, HandDetector.DETECTED).track(track).at(frames.get(i))
                    .confidence(0.9).box(new Box(x - size / 2, 0.5 - size / 2, x + size / 2, 0.5 + size / 2))
                    .attribute("label", "hand").build());
        }
        return events;
    }
}
