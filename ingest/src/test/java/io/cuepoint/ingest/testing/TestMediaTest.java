package io.cuepoint.ingest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.ingest.IngestConfig;
import io.cuepoint.ingest.decode.DecodedFrame;
import io.cuepoint.ingest.decode.VideoDecoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated clips keep their promises: the analyzer's shot tests rely on this ground truth. */
class TestMediaTest {

    @Test
    void clipChangesAbruptlyExactlyAtItsCuts(@TempDir Path dir) {
        int[] cuts = {7, 19, 30};
        var clip = TestMedia.generateClipWithCuts(dir.resolve("cuts.mp4"), 320, 240, 25, 40, cuts);
        List<DecodedFrame> frames = new ArrayList<>();
        new VideoDecoder(IngestConfig.defaults()).decode(clip.path(), frames::add);

        assertThat(frames).hasSize(clip.frames());
        assertThat(clip.cutMs()).containsExactly(280L, 760L, 1200L);
        double withinShotMax = 0;
        double atCutMin = Double.MAX_VALUE;
        for (int i = 1; i < frames.size(); i++) {
            assertThat(frames.get(i).ptsMs()).isEqualTo(clip.ptsMs()[i]);
            double diff = meanAbsDiff(frames.get(i - 1).thumbnail(), frames.get(i).thumbnail());
            int frame = i;
            if (java.util.Arrays.stream(cuts).anyMatch(c -> c == frame)) {
                atCutMin = Math.min(atCutMin, diff);
            } else {
                withinShotMax = Math.max(withinShotMax, diff);
            }
        }
        assertThat(withinShotMax).as("frames within a shot differ a little").isPositive();
        assertThat(atCutMin).as("every cut differs far more than any step within a shot")
                .isGreaterThan(4 * withinShotMax);
    }

    private static double meanAbsDiff(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return (double) sum / a.length;
    }
}
