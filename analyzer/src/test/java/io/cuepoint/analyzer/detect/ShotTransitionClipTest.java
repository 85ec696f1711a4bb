package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.EventIds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gradual transitions, cuts, a flash and fast pans in clips that ffmpeg renders from real photographs
 * ({@link TransitionClips}, ground truth there), decoded and segmented by ingest as in production.
 */
class ShotTransitionClipTest {
    /** {kind, first blended frame, last blended frame} of the gradual clip. */
    private static final List<Object[]> GRADUAL_TRANSITIONS = List.of(
            new Object[] {"dissolve", 51, 74}, new Object[] {"dissolve", 111, 124},
            new Object[] {"fade-out", 241, 259}, new Object[] {"fade-in", 271, 289});
    private static final long[] GRADUAL_CUTS = {185, 325};

    private final ShotCutDetector detector = new ShotCutDetector(ShotCutConfig.defaults());
    private final DetectionContext ctx = new DetectionContext("test");

    private List<Event> detect(List<Segment> segments) {
        var events = new ArrayList<Event>();
        segments.forEach(s -> events.addAll(detector.detect(s, ctx)));
        return events;
    }

    private static List<Event> ofType(List<Event> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    @Test
    void gradualClipHasEveryTransitionWithItsKindAndOnlyTheHardCuts() {
        var events = detect(DecodedSegments.of(TransitionClips.gradual()));

        assertCuts(ofType(events, ShotCutDetector.CUT), GRADUAL_CUTS);
        assertTransitions(ofType(events, ShotCutDetector.TRANSITION));
        assertThat(ofType(events, ShotCutDetector.TRANSITION)).allSatisfy(e -> {
            assertThat(e.fragment()).isNull();
            assertThat(e.id()).isEqualTo(EventIds.of(e.videoId(), "shots", "shot.transition", e.startFrame(), null));
            assertThat(e.endMs()).as("end is the next frame's time").isEqualTo((e.endFrame() + 1) * 40);
            assertThat(e.startMs()).isEqualTo(e.startFrame() * 40);
            assertThat(e.confidence()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void fadesAndDissolvesAreExactToAFrameOrTwo() {
        var transitions = ofType(detect(DecodedSegments.of(TransitionClips.gradual())), ShotCutDetector.TRANSITION);
        assertThat(transitions).hasSize(GRADUAL_TRANSITIONS.size());
        for (int i = 0; i < transitions.size(); i++) {
            var truth = GRADUAL_TRANSITIONS.get(i);
            assertThat(transitions.get(i).startFrame()).as("start %s", i).isBetween((int) truth[1] - 1L, (int) truth[1] + 1L);
            assertThat(transitions.get(i).endFrame()).as("end %s", i).isBetween((int) truth[2] - 2L, (int) truth[2] + 1L);
        }
    }

    @Test
    void flashAndFastPansAreNotCuts() {
        var events = detect(DecodedSegments.of(TransitionClips.panAndFlash()));
        assertCuts(ofType(events, ShotCutDetector.CUT), new long[] {50, 100, 175});
        assertThat(ofType(events, ShotCutDetector.TRANSITION)).isEmpty();
    }

    @Test
    void aSlowPanOverSmoothContentIsNotADissolve() {
        var events = detect(DecodedSegments.of(TransitionClips.slowBlurredPan()));
        assertThat(events).isEmpty();
    }

    @Test
    void aWhipPanWithinAShotIsNeitherACutNorATransition() {
        var events = detect(DecodedSegments.of(TransitionClips.whipPan()));
        assertThat(events).isEmpty();
    }

    @Test
    void transitionsAcrossSegmentBoundariesArriveAsFragmentsThatJoin() {
        // 2.4 s segments: boundaries at frames 60 (inside the crossfade), 120 (inside the dissolve) and 240.
        var segments = DecodedSegments.of(TransitionClips.gradual(), 2.4);
        var events = detect(segments);
        var transitions = ofType(events, ShotCutDetector.TRANSITION);

        var open = transitions.stream().filter(Event::isFragment).toList();
        assertThat(open).extracting(e -> e.startFrame() + ".." + e.endFrame())
                .contains("51..59", "60..74");
        assertThat(open).allSatisfy(e -> assertThat(e.fragment().segment()).isEqualTo((int) (e.startFrame() / 60)));
        assertTransitions(join(transitions));
        assertCuts(ofType(events, ShotCutDetector.CUT), GRADUAL_CUTS);
    }

    @Test
    void isDeterministic() {
        var segments = DecodedSegments.of(TransitionClips.gradual(), 2.4);
        assertThat(detect(segments)).isEqualTo(detect(segments));
    }

    @Test
    void printsTheCostPerFrame() {
        var segments = DecodedSegments.of(TransitionClips.gradual());
        int frames = segments.stream().mapToInt(s -> s.frames().size()).sum();
        for (int warm = 0; warm < 5; warm++) {
            detect(segments);
        }
        int rounds = 20;
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            detect(segments);
        }
        double perFrameMs = (System.nanoTime() - start) / 1e6 / rounds / frames;
        System.out.printf("shots detector: %.3f ms per frame (%d frames of %dx%d thumbnails)%n", perFrameMs, frames,
                segments.get(0).frames().get(0).thumbWidth(), segments.get(0).frames().get(0).thumbHeight());
        assertThat(perFrameMs).isPositive();
    }

    private static void assertCuts(List<Event> cuts, long[] expected) {
        assertThat(cuts).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(cuts.get(i).startFrame()).as("cut %s", i).isBetween(expected[i] - 1, expected[i] + 1);
        }
    }

    /** One-to-one: each true transition has one detected of the same kind with temporal IoU >= 0.5. */
    private static void assertTransitions(List<Event> found) {
        assertThat(found).hasSize(GRADUAL_TRANSITIONS.size());
        for (int i = 0; i < found.size(); i++) {
            var truth = GRADUAL_TRANSITIONS.get(i);
            var e = found.get(i);
            assertThat(e.attributes().get("kind")).as("kind %s", i).isEqualTo(truth[0]);
            assertThat(iou(e.startFrame(), e.endFrame(), (int) truth[1], (int) truth[2])).as("IoU %s", i)
                    .isGreaterThanOrEqualTo(0.5);
        }
    }

    private static double iou(long a0, long a1, long b0, long b1) {
        double inter = Math.max(0, Math.min(a1, b1) - Math.max(a0, b0) + 1);
        return inter / ((a1 - a0 + 1) + (b1 - b0 + 1) - inter);
    }

    /** Joins open-ended fragments with the open-started one of the next segment and the same kind, as the api does. */
    private static List<Event> join(List<Event> transitions) {
        var joined = new ArrayList<Event>();
        for (var e : transitions) {
            var last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && last.fragment() != null && last.fragment().openEnd() && e.fragment() != null
                    && e.fragment().openStart() && e.fragment().segment() == last.fragment().segment() + 1
                    && last.attributes().get("kind").equals(e.attributes().get("kind"))) {
                joined.set(joined.size() - 1, new Event(last.schema(), last.id(), last.videoId(), last.type(),
                        last.startMs(), e.endMs(), last.startFrame(), e.endFrame(), last.confidence(), null, null,
                        null, last.attributes(), last.producer(), e.fragment()));
            } else {
                joined.add(e);
            }
        }
        return joined;
    }
}
