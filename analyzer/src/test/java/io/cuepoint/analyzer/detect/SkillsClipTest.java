package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.analyzer.model.TestModels;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The skills detector end to end on real pose: {@code messi5.jpg} (opencv-doc; the player's wrists are clearly
 * visible) cropped to the player glides over a plain grey 960 x 540 background along a known path, rendered by ffmpeg, decoded by
 * ingest's decoder into two 8 s segments and analysed by the real MoveNet. The photo moves as one piece, so both
 * wrists move exactly as the photo does: the truth is the path of the photo's corner. MoveNet Thunder: on this
 * photo Lightning scores the wrists around 0.3 and places them up to 25 px off from one position to the next,
 * which is the model's error, not the metric's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SkillsClipTest {
    private static final Path CLIP = GeneratedClips.DIR.resolve("skills-messi.mp4");
    static final double DIAGONAL = Math.hypot(960, 540);
    /** The photo's top-left corner in pixels over time: rests, a reach, an L across the segment boundary, a reach. */
    static final HandWaypoints PATH = HandWaypoints.of(
            0, 10, 10, 2000, 10, 10, 4000, 270, 10, 6000, 270, 10, 7000, 270, 90, 9500, 30, 60,
            12_000, 30, 60, 14_000, 220, 100, 16_000, 220, 100);

    private List<Segment> segments;
    private List<Event> events;

    @BeforeAll
    void analyse() {
        segments = DecodedSegments.of(clip(), 8.0);
        var model = PoseConfig.Model.THUNDER;
        var pose = new PoseDetector(new PoseConfig(model, PoseConfig.defaults().minScore()), TestModels.get(model.modelName()));
        events = eventsOf(segments, pose, new SkillsDetector(SkillsConfig.defaults()));
    }

    /** One side's path, idle time and tracked time summed over the segments' {@code skills.segment} summaries. */
    record SideTotals(double path, double idleMs, long trackedMs) {
        @SuppressWarnings("unchecked")
        static SideTotals of(List<Event> summaries, String side) {
            double path = 0;
            double idleMs = 0;
            long trackedMs = 0;
            for (var s : summaries) {
                var m = (Map<String, Object>) s.attributes().get(side);
                path += ((Number) m.get("pathLength")).doubleValue();
                long tracked = ((Number) m.get("trackedMs")).longValue();
                idleMs += ((Number) m.get("idleShare")).doubleValue() * tracked;
                trackedMs += tracked;
            }
            return new SideTotals(path, idleMs, trackedMs);
        }
    }

    /** Every event the detectors find in the segments, run in order as the analyzer runs them; no detector fails. */
    static List<Event> eventsOf(List<Segment> segments, SegmentDetector... detectors) {
        var events = new ArrayList<Event>();
        try (var analyzer = new SegmentAnalyzer("test", List.of(detectors), Clock.systemUTC())) {
            for (var segment : segments) {
                var result = analyzer.analyze(segment);
                assertThat(result.error()).isNull();
                events.addAll(result.events());
            }
        }
        return events;
    }

    @Test
    void pathLengthAndIdleShareOfEachWristAreWithinFivePercentOfThePhotosPath() {
        assertThat(segments).hasSize(2);
        var summaries = events.stream().filter(e -> e.type().equals(SkillsDetector.SEGMENT)).toList();
        assertThat(summaries).hasSize(2).allSatisfy(s -> assertThat(s.attributes()).containsEntry("source", "pose"));
        double truthPath = PATH.pathLength() / DIAGONAL;
        for (var side : List.of("left", "right")) {
            var totals = SideTotals.of(summaries, side);
            double path = totals.path();
            double idleMs = totals.idleMs();
            long trackedMs = totals.trackedMs();
            var intervals = intervals(side);
            long from = intervals.get(0).startMs();
            long to = intervals.get(intervals.size() - 1).endMs();
            double truthIdle = (double) PATH.idleMs(from, to) / (to - from);
            System.out.printf("skills clip %s wrist: path %.4f (truth %.4f, %+.1f %%), idle share %.4f (truth %.4f, "
                            + "%+.1f %%), tracked %d of %d ms%n", side, path, truthPath, 100 * (path / truthPath - 1),
                    idleMs / trackedMs, truthIdle, 100 * (idleMs / trackedMs / truthIdle - 1), trackedMs, to - from);
            assertThat(trackedMs).isEqualTo(to - from);
            assertThat(path).isCloseTo(truthPath, within(0.05 * truthPath));
            assertThat(idleMs / trackedMs).isCloseTo(truthIdle, within(0.05 * truthIdle));
            assertThat(((Number) summaries.get(0).attributes().get("balance")).doubleValue()).isGreaterThan(0.9);
        }
    }

    @Test
    void handActiveIntervalsAreTheMovingStretches() {
        for (var side : List.of("left", "right")) {
            var active = intervals(side).stream().filter(e -> e.type().equals(SkillsDetector.ACTIVE)).toList();
            var truth = PATH.moving();
            assertThat(active).hasSize(truth.size());
            for (int i = 0; i < truth.size(); i++) {
                // Samples are about 250 ms apart: a movement is seen to start and end on a sample.
                assertThat(active.get(i).startMs()).isCloseTo(truth.get(i)[0], within(300L));
                assertThat(active.get(i).endMs()).isCloseTo(truth.get(i)[1], within(300L));
            }
        }
    }

    private List<Event> intervals(String side) {
        return intervals(events, side);
    }

    /** One hand's intervals over the clip, fragments at the 8 s boundary joined. */
    static List<Event> intervals(List<Event> events, String side) {
        var own = events.stream().filter(e -> side.equals(e.attributes().get("hand")))
                .sorted(Comparator.comparingLong(Event::startMs)).toList();
        var merged = new ArrayList<Event>();
        for (var e : own) {
            var last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.type().equals(e.type()) && last.fragment() != null && last.fragment().openEnd()
                    && e.fragment() != null && e.fragment().openStart()) {
                merged.set(merged.size() - 1, new Event(last.schema(), last.id(), last.videoId(), last.type(),
                        last.startMs(), e.endMs(), last.startFrame(), e.endFrame(), last.confidence(), null, null,
                        null, last.attributes(), last.producer(), e.fragment()));
            } else {
                merged.add(e);
            }
        }
        // The intervals tile the tracked time without gaps or overlaps.
        for (int i = 1; i < merged.size(); i++) {
            assertThat(merged.get(i).startMs()).isEqualTo(merged.get(i - 1).endMs());
            assertThat(merged.get(i).type()).isNotEqualTo(merged.get(i - 1).type());
        }
        return merged;
    }

    static synchronized Path clip() {
        if (!Files.exists(CLIP)) {
            try {
                Files.createDirectories(GeneratedClips.DIR);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            var partial = GeneratedClips.DIR.resolve("partial-skills.mp4");
            TestMedia.ffmpeg("-f", "lavfi", "-i", "color=c=0x808080:s=960x540:r=25:d=16",
                    "-loop", "1", "-framerate", "25", "-t", "16", "-i", TestMedia.OPENCV_DATA.resolve("messi5.jpg").toString(),
                    "-filter_complex", "[1]crop=470:302:0:40,scale=685:440[p];[0][p]overlay=x='" + expression(PATH, 1)
                            + "':y='" + expression(PATH, 2) + "':eval=frame,setsar=1",
                    "-frames:v", "400", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "veryfast", "-crf", "18",
                    "-an", partial.toString());
            try {
                Files.move(partial, CLIP, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return CLIP;
    }

    /** The waypoints' coordinate {@code axis} as a piecewise-linear ffmpeg expression of t. */
    static String expression(HandWaypoints path, int axis) {
        var points = path.points();
        var sb = new StringBuilder(Double.toString(points.get(0)[axis]));
        for (int i = 1; i < points.size(); i++) {
            double delta = points.get(i)[axis] - points.get(i - 1)[axis];
            if (delta != 0) {
                double t0 = points.get(i - 1)[0] / 1000;
                double t1 = points.get(i)[0] / 1000;
                sb.append("+").append(delta).append("*clip((t-").append(t0).append(")/").append(t1 - t0)
                        .append("\\,0\\,1)");
            }
        }
        return sb.toString();
    }
}
