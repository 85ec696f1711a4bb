package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.analyzer.model.TestModels;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.testing.TestMedia;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The skills detector's hand-track fallback end to end: {@code handSrc.jpg} (opencv-doc, a real open hand filling
 * the photo) scaled to 40 % of a plain grey 640 x 480 frame glides along a known path with rests, rendered by
 * ffmpeg, decoded by ingest's decoder into two 8 s segments and analysed by {@code pose,hands,skills} with the
 * real MoveNet Lightning and HandTrack. No person is in the picture, so the hands come from the hand tracks; the
 * photo moves as one piece, so the truth is the path of its corner.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SkillsHandClipTest {
    static final Path HAND_PHOTO = Path.of("/usr/share/doc/opencv-doc/opencv4/html/handSrc.jpg");
    private static final Path CLIP = GeneratedClips.DIR.resolve("skills-hand.mp4");
    private static final double DIAGONAL = Math.hypot(640, 480);
    /** The photo's top-left corner in pixels (the photo is 256 x 192): rests, a reach, an L across 8 s, a reach. */
    static final HandWaypoints PATH = HandWaypoints.of(
            0, 30, 40, 2000, 30, 40, 4000, 330, 40, 6000, 330, 40, 7000, 330, 200, 9500, 60, 240,
            12_000, 60, 240, 14_000, 280, 120, 16_000, 280, 120);

    private List<Event> events;

    @BeforeAll
    void analyse() {
        var segments = DecodedSegments.of(clip(), 8.0);
        assertThat(segments).hasSize(2);
        var pose = new PoseDetector(PoseConfig.defaults(), TestModels.get(PoseConfig.defaults().model().modelName()));
        var hands = new HandDetector(HandConfig.defaults(), TestModels.get("handtrack"));
        events = SkillsClipTest.eventsOf(segments, pose, hands, new SkillsDetector(SkillsConfig.defaults()));
    }

    @Test
    void theHandsPathLengthAndIdleShareAreWithinFivePercentOfThePhotos() {
        var summaries = events.stream().filter(e -> e.type().equals(SkillsDetector.SEGMENT)).toList();
        assertThat(summaries).hasSize(2).allSatisfy(s -> assertThat(s.attributes()).containsEntry("source", "hands")
                .containsKey("left").doesNotContainKey("right"));
        var totals = SkillsClipTest.SideTotals.of(summaries, "left");
        double path = totals.path();
        double idleMs = totals.idleMs();
        long trackedMs = totals.trackedMs();
        var intervals = intervals();
        long from = intervals.get(0).startMs();
        long to = intervals.get(intervals.size() - 1).endMs();
        double truthPath = PATH.pathLength() / DIAGONAL;
        double truthIdle = (double) PATH.idleMs(from, to) / (to - from);
        System.out.printf("skills hand clip: path %.4f (truth %.4f, %+.1f %%), idle share %.4f (truth %.4f, %+.1f %%), "
                        + "tracked %d of %d ms%n", path, truthPath, 100 * (path / truthPath - 1), idleMs / trackedMs,
                truthIdle, 100 * (idleMs / trackedMs / truthIdle - 1), trackedMs, to - from);
        assertThat(trackedMs).isEqualTo(to - from);
        assertThat(path).isCloseTo(truthPath, within(0.05 * truthPath));
        assertThat(idleMs / trackedMs).isCloseTo(truthIdle, within(0.05 * truthIdle));
    }

    @Test
    void eachMovementIsOneHandActiveIntervalWhereThePhotoMoved() {
        var active = intervals().stream().filter(e -> e.type().equals(SkillsDetector.ACTIVE)).toList();
        var truth = PATH.moving();
        assertThat(active).hasSize(truth.size());
        for (int i = 0; i < truth.size(); i++) {
            assertThat(active.get(i).startMs()).isCloseTo(truth.get(i)[0], within(300L));
            assertThat(active.get(i).endMs()).isCloseTo(truth.get(i)[1], within(300L));
        }
    }

    /** The hand's intervals: the track ids differ per segment, but the intervals are named by the side. */
    private List<Event> intervals() {
        var own = events.stream().filter(e -> e.type().startsWith("hand.") && e.attributes().containsKey("pathLength"))
                .toList();
        assertThat(own).allSatisfy(e -> assertThat(e.attributes()).containsEntry("hand", "left"));
        return SkillsClipTest.intervals(own, "left");
    }

    private static synchronized Path clip() {
        if (!Files.exists(CLIP)) {
            try {
                Files.createDirectories(GeneratedClips.DIR);
                var partial = GeneratedClips.DIR.resolve("partial-skills-hand.mp4");
                TestMedia.ffmpeg("-f", "lavfi", "-i", "color=c=0x808080:s=640x480:r=25:d=16",
                        "-loop", "1", "-framerate", "25", "-t", "16", "-i", HAND_PHOTO.toString(),
                        "-filter_complex", "[1]scale=256:192[p];[0][p]overlay=x='"
                                + SkillsClipTest.expression(PATH, 1) + "':y='" + SkillsClipTest.expression(PATH, 2)
                                + "':eval=frame,setsar=1",
                        "-frames:v", "400", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "veryfast", "-crf", "18",
                        "-an", partial.toString());
                Files.move(partial, CLIP, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return CLIP;
    }
}
