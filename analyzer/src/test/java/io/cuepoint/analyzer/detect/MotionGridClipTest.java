package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.ingest.testing.TestMedia;
import io.cuepoint.ingest.wire.FrameRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The motion grid on a real encoded clip: opencv-doc's {@code messi5.jpg} as a static background, 640×360
 * (16:9, so the grid is 32 × 18 cells of 20 × 20 pixels), 25 fps, 10 s, H.264. A 48-pixel square moves on it
 * continuously, and only inside x 64–224, y 40–160 pixels (ground truth: cells 3–11 across, 2–7 down).
 * ffmpeg's {@code overlay} filter draws it; ingest's real decoder and segmenter cut the file into two 5 s
 * segments.
 */
class MotionGridClipTest {
    private static final int W = 640;
    private static final int H = 360;
    private static List<Segment> segments;

    @BeforeAll
    static void makeClip() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "motion-grid-clip"));
        Path clip = dir.resolve("square-on-messi.mp4");
        TestMedia.ffmpeg("-loop", "1", "-framerate", "25", "-i", TestMedia.OPENCV_DATA.resolve("messi5.jpg").toString(),
                "-f", "lavfi", "-i", "color=c=0x20E0FF:s=48x48:r=25",
                "-filter_complex", "[0:v]scale=" + W + ":" + H + ",setsar=1[bg];"
                        + "[bg][1:v]overlay=x='64+112*(0.5+0.5*sin(2*PI*t/2.3))':y='40+72*(0.5+0.5*cos(2*PI*t/1.7))'"
                        + ":shortest=1,format=yuv420p[v]",
                "-map", "[v]", "-t", "10", "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", clip.toString());
        segments = DecodedSegments.of(clip, 5.0);
    }

    private static List<Artifact> grids(MotionDetector detector) {
        var ctx = new DetectionContext("test");
        var out = new ArrayList<Artifact>();
        for (var segment : segments) {
            out.addAll(detector.analyze(segment, ctx).artifacts());
        }
        return out;
    }

    @Test
    void oneGridPerSegmentDescribesItsSamples() {
        var grids = grids(new MotionDetector(MotionConfig.defaults()));

        assertThat(segments).hasSize(2);
        assertThat(grids).extracting(Artifact::name).containsExactly("s0", "s1");
        for (int i = 0; i < grids.size(); i++) {
            var grid = grids.get(i);
            var samples = segments.get(i).frames().stream().filter(FrameRecord::sampled).toList();
            Map<String, Object> a = grid.attributes();
            assertThat(grid.kind()).isEqualTo(Artifact.MOTION_GRID);
            assertThat(a).containsEntry("cols", 32).containsEntry("rows", 18).containsEntry("samples", samples.size());
            assertThat(a.get("frames")).isEqualTo(samples.stream().map(FrameRecord::frame).toList());
            assertThat(a.get("ptsMs")).isEqualTo(samples.stream().map(FrameRecord::ptsMs).toList());
            // Ingest samples 4 per second on a 40 ms frame grid: steps of 240 and 280 ms.
            assertThat((Long) a.get("stepMs")).isBetween(240L, 280L);
            assertThat(grid.data()).hasSize(samples.size() * 32 * 18);
            assertThat(grid.startMs()).isEqualTo(segments.get(i).end().startMs());
            assertThat(grid.endMs()).isEqualTo(segments.get(i).end().endMs());
        }
    }

    @Test
    void hotCellsLieWhereTheSquareMovesAndFarCellsStayCold() {
        var grids = grids(new MotionDetector(MotionConfig.defaults()));
        double[] mean = new double[32 * 18];
        int samples = 0;
        for (var grid : grids) {
            byte[] data = grid.data();
            for (int i = 0; i < data.length; i++) {
                mean[i % mean.length] += (data[i] & 0xff) / 255.0;
            }
            samples += data.length / mean.length;
        }
        int hot = 0;
        for (int cell = 0; cell < mean.length; cell++) {
            mean[cell] /= samples;
            int col = cell % 32;
            int row = cell / 32;
            boolean nearPath = col >= 2 && col <= 12 && row >= 1 && row <= 8;
            boolean far = col >= 16 || row >= 11;
            if (mean[cell] > 0.05) {
                hot++;
                assertThat(nearPath).as("hot cell %d,%d (%.3f) lies on the square's path", col, row, mean[cell])
                        .isTrue();
            }
            if (far) {
                assertThat(mean[cell]).as("far cell %d,%d", col, row).isLessThan(0.01);
            }
        }
        // The square sweeps about 9 × 6 cells; most of them are busy.
        assertThat(hot).isGreaterThanOrEqualTo(20);
        // The centre of the path is the busiest part of the picture.
        int peak = 0;
        for (int cell = 1; cell < mean.length; cell++) {
            peak = mean[cell] > mean[peak] ? cell : peak;
        }
        assertThat(peak % 32).isBetween(3, 11);
        assertThat(peak / 32).isBetween(2, 7);
    }

    @Test
    void theGridIsDeterministic() {
        var first = grids(new MotionDetector(MotionConfig.defaults()));
        var second = grids(new MotionDetector(MotionConfig.defaults()));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void gridColumnsFollowTheConfigurationAndRowsTheAspect() {
        var d = MotionConfig.defaults();
        var config = new MotionConfig(d.width(), d.history(), d.varThreshold(), d.backgroundSamples(), d.smoothing(),
                d.activeOn(), d.activeOff(), 16);
        var grid = grids(new MotionDetector(config)).get(0);
        assertThat(grid.attributes()).containsEntry("cols", 16).containsEntry("rows", 9);
    }
}
