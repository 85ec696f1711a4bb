package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.analyzer.model.TestModels;
import io.cuepoint.analyzer.wire.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link SkillsClipTest}'s clip with the default pose model, MoveNet Lightning: the skills still come out, with
 * the accuracy Lightning allows. On this 960 x 540 clip Lightning sees the player at about 80 x 60 of its 192
 * input pixels; it places each resting wrist with a bias that differs by 15 to 25 px from one rest to the next
 * (each movement's measured length is off by that much), and scores the player's outstretched right wrist
 * 0.11 to 0.2 (and places it 100 to 150 px off) for 2.5 s of the rest after the L: below even the weak-wrist
 * floor, so that rest is not tracked time. Hence bounds of 15 % (left) and 20 % (right) on the path, 15 % on
 * the idle share, where Thunder meets 5 %.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SkillsLightningClipTest {
    private List<Event> events;

    @BeforeAll
    void analyse() {
        var segments = DecodedSegments.of(SkillsClipTest.clip(), 8.0);
        var model = PoseConfig.Model.LIGHTNING;
        var pose = new PoseDetector(PoseConfig.defaults(), TestModels.get(model.modelName()));
        assertThat(PoseConfig.defaults().model()).isEqualTo(model);
        events = SkillsClipTest.eventsOf(segments, pose, new SkillsDetector(SkillsConfig.defaults()));
    }

    @Test
    void bothWristsAreMeasuredInEverySegmentWithinLightningsError() {
        var summaries = events.stream().filter(e -> e.type().equals(SkillsDetector.SEGMENT)).toList();
        assertThat(summaries).hasSize(2).allSatisfy(s -> assertThat(s.attributes()).containsEntry("source", "pose")
                .containsKeys("left", "right", "balance"));
        double truthPath = SkillsClipTest.PATH.pathLength() / SkillsClipTest.DIAGONAL;
        var bounds = Map.of("left", 0.15, "right", 0.2);
        for (var side : List.of("left", "right")) {
            var totals = SkillsClipTest.SideTotals.of(summaries, side);
            double path = totals.path();
            double idleMs = totals.idleMs();
            long trackedMs = totals.trackedMs();
            double truthIdle = (double) SkillsClipTest.PATH.idleMs(0, 15_760) / 15_760;
            System.out.printf("skills clip, Lightning, %s wrist: path %.4f (truth %.4f, %+.1f %%), idle share %.4f "
                            + "(truth %.4f, %+.1f %%), tracked %d ms%n", side, path, truthPath,
                    100 * (path / truthPath - 1), idleMs / trackedMs, truthIdle, 100 * (idleMs / trackedMs / truthIdle - 1),
                    trackedMs);
            assertThat(path).isCloseTo(truthPath, within(bounds.get(side) * truthPath));
            assertThat(idleMs / trackedMs).isCloseTo(truthIdle, within(0.15 * truthIdle));
            assertThat(trackedMs).isGreaterThan(11_000);
        }
    }

    /** The left wrist: the right one's lost rest splits its track (and its L reads as two movements). */
    @Test
    void everyMovementOfTheSteadyWristIsFoundOnce() {
        var active = SkillsClipTest.intervals(events, "left").stream()
                .filter(e -> e.type().equals(SkillsDetector.ACTIVE)).toList();
        var truth = SkillsClipTest.PATH.moving();
        assertThat(active).hasSize(truth.size());
        for (int i = 0; i < truth.size(); i++) {
            assertThat(active.get(i).startMs()).isCloseTo(truth.get(i)[0], within(500L));
            assertThat(active.get(i).endMs()).isCloseTo(truth.get(i)[1], within(500L));
        }
    }
}
