package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.EventIds;
import io.cuepoint.analyzer.wire.Producer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Ground truth of the synthetic video (25 fps, segments of 50 frames): cuts on frames 30, 100 (the
 * first frame of segment 2, right after its lead-in) and 160; a two-frame camera flash on frames 70–71;
 * noise, brightness drift and a moving object in every shot.
 */
class ShotCutDetectorTest {
    private static final Set<Integer> CUTS = Set.of(30, 100, 160);
    private static final SyntheticVideo VIDEO = new SyntheticVideo("v-shots", 200, 50, CUTS, Set.of(70), 6);
    private final ShotCutDetector detector = new ShotCutDetector(ShotCutConfig.defaults());
    private final DetectionContext ctx = new DetectionContext("9.9.9");

    @Test
    void findsEveryCutOnItsExactFrameOnceAndIgnoresTheFlash() {
        var events = new ArrayList<Event>();
        IntStream.range(0, VIDEO.segmentCount()).forEach(i -> events.addAll(detector.detect(VIDEO.segment(i), ctx)));

        assertThat(events).extracting(Event::startFrame).containsExactly(30L, 100L, 160L);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(ShotCutDetector.CUT);
            assertThat(e.endFrame()).isEqualTo(e.startFrame());
            assertThat(e.startMs()).isEqualTo(VIDEO.ptsMs(e.startFrame())).isEqualTo(e.endMs());
            assertThat(e.confidence()).isBetween(0.5, 1.0);
            assertThat(e.id()).isEqualTo(EventIds.of("v-shots", "shots", "shot.cut", e.startFrame(), null));
            assertThat(e.producer()).isEqualTo(new Producer("9.9.9", "shots", null));
            assertThat(e.schema()).isEqualTo(Event.SCHEMA);
            assertThat(e.fragment()).isNull();
            assertThat((Double) e.attributes().get("score")).isGreaterThan(0.25);
        });
    }

    @Test
    void cutOnTheFirstFrameOfASegmentIsFoundThereThanksToTheLeadIn() {
        assertThat(detector.detect(VIDEO.segment(2), ctx)).extracting(Event::startFrame).containsExactly(100L);
        // Without the lead-in nothing precedes frame 100, so the cut would be lost.
        var s = VIDEO.segment(2);
        var withoutLeadIn = new Segment(null, s.frames(), null, s.end());
        assertThat(detector.detect(withoutLeadIn, ctx)).isEmpty();
    }

    @Test
    void cutOnTheLeadInBelongsToThePreviousSegmentOnly() {
        // Cut on frame 49: the last frame of segment 0, which is also segment 1's lead-in.
        var video = new SyntheticVideo("v-edge", 100, 50, Set.of(49), Set.of(), 6);
        assertThat(detector.detect(video.segment(0), ctx)).extracting(Event::startFrame).containsExactly(49L);
        assertThat(detector.detect(video.segment(1), ctx)).isEmpty();
    }

    @Test
    void withoutTheFlashRuleTheFlashWouldCountAsCuts() {
        // Shows that the flash in this video is strong enough to matter: the rule, not luck, rejects it.
        var noFlashRule = new ShotCutDetector(ShotCutConfig.defaults().withFlashFrames(0));
        assertThat(noFlashRule.detect(VIDEO.segment(1), ctx)).extracting(Event::startFrame)
                .isNotEmpty().allMatch(f -> f == 70L || f == 72L);
    }

    @Test
    void isDeterministic() {
        var segment = VIDEO.segment(0);
        assertThat(detector.detect(segment, ctx)).isEqualTo(detector.detect(segment, ctx));
    }

    @Test
    void cutsCloserThanTheMinimumGapYieldOnlyTheStrongest() {
        // Frames 20 and 22 are 80 ms apart, below the 300 ms gap.
        var video = new SyntheticVideo("v-gap", 50, 50, Set.of(20, 22), Set.of(), 6);
        List<Event> events = detector.detect(video.segment(0), ctx);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).startFrame()).isIn(20L, 22L);
    }
}
