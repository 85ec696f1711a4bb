package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fixed camera over a procedure field, on a real encoded clip: opencv-doc's {@code messi5.jpg} with
 * temporal grain as the static scene, 640×360, 25 fps, 10 s, H.264, one segment. A small instrument
 * (a 16×72 pixel bar, 0.5 % of the picture) rests in place, moves out and back between 2 s and 4 s
 * (frames 50–99), pauses for 0.4 s (two samples at ingest's default 4 fps), moves again between
 * 4.4 s and 6.4 s (frames 110–159) and rests until the end. Ingest's real decoder and segmenter cut the file.
 *
 * <p>The detector must find the two movements as two active intervals, the pause between them idle:
 * a threshold fit for large movers misses the small object, and smoothing that spreads each movement
 * over its neighbours merges the two across the short pause.
 */
class MotionSmallObjectClipTest {
    private static final long[][] MOVEMENTS = {{50, 99}, {110, 159}};
    /** One sample at the default 4 fps, in frames at 25 fps, rounded up. */
    private static final long SAMPLE = 7;
    private static List<Segment> segments;

    @BeforeAll
    static void makeClip() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "motion-small-object-clip"));
        Path clip = dir.resolve("instrument-pauses.mp4");
        // Half a cycle across (never back at rest before the end) and a full cycle up and down.
        String x = "300+if(between(t,2,4),70*sin(PI*(t-2)/2),0)+if(between(t,4.4,6.4),70*sin(PI*(t-4.4)/2),0)";
        String y = "140+if(between(t,2,4),40*sin(PI*(t-2)),0)+if(between(t,4.4,6.4),40*sin(PI*(t-4.4)),0)";
        TestMedia.ffmpeg("-loop", "1", "-framerate", "25", "-i", TestMedia.OPENCV_DATA.resolve("messi5.jpg").toString(),
                "-f", "lavfi", "-i", "color=c=0xC8CDD7:s=16x72:r=25",
                "-filter_complex", "[0:v]scale=640:360,setsar=1,noise=alls=6:allf=t[bg];"
                        + "[bg][1:v]overlay=x='" + x + "':y='" + y + "':shortest=1,format=yuv420p[v]",
                "-map", "[v]", "-t", "10", "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", clip.toString());
        segments = DecodedSegments.of(clip);
    }

    @Test
    void eachMovementOfASmallObjectIsItsOwnActiveInterval() {
        assertThat(segments).hasSize(1);
        var events = new MotionDetector(MotionConfig.defaults()).detect(segments.get(0), new DetectionContext("test"));
        var active = events.stream().filter(e -> e.type().equals(MotionDetector.ACTIVE)).toList();

        assertThat(active).as("active intervals %s", spans(events)).hasSize(MOVEMENTS.length);
        for (int i = 0; i < MOVEMENTS.length; i++) {
            assertThat(active.get(i).startFrame()).as("start of movement %d", i)
                    .isBetween(MOVEMENTS[i][0] - SAMPLE, MOVEMENTS[i][0] + SAMPLE);
            assertThat(active.get(i).endFrame()).as("end of movement %d", i)
                    .isBetween(MOVEMENTS[i][1] - SAMPLE, MOVEMENTS[i][1] + SAMPLE);
        }
        // Grain alone never looks like motion: the idle stretches measure (almost) nothing.
        assertThat(events.stream().filter(e -> e.type().equals(MotionDetector.IDLE)))
                .allSatisfy(e -> assertThat((Double) e.attributes().get("motionEnergy"))
                        .isLessThan(MotionConfig.defaults().activeOff()));
    }

    private static List<String> spans(List<Event> events) {
        var out = new ArrayList<String>();
        for (var e : events) {
            out.add(e.type() + " " + e.startFrame() + "-" + e.endFrame() + " " + e.attributes().get("motionEnergy"));
        }
        return out;
    }
}
