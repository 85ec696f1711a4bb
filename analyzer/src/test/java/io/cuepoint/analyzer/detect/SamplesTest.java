package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.ingest.wire.FrameRecord;
import io.cuepoint.ingest.wire.SegmentEnd;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class SamplesTest {

    /** Segment 1 of a 25 fps video: frames 750..1499 (30 s to 60 s), every 6th frame sampled (~4 per second). */
    private static Segment segment(boolean lastSampled) {
        var frames = new ArrayList<FrameRecord>();
        for (int f = 750; f < 1500; f++) {
            boolean sampled = f % 6 == 0 || (lastSampled && f == 1499);
            frames.add(new FrameRecord(1, "v", 1, f, f * 40L, false, 1, 1, new byte[3],
                    sampled ? new byte[] {1} : null, sampled ? 1 : 0, sampled ? 1 : 0));
        }
        return new Segment(null, frames, null, new SegmentEnd(1, "v", 1, 30_000, 60_000, 750, 125, false));
    }

    @Test
    void perSecondTakesTheFirstSampleOfEachSecondOfMediaTime() {
        var chosen = Samples.perSecond(segment(false), 1);
        assertThat(chosen).hasSize(30);
        // 30 000 ms is frame 750, sampled; 31 000 ms is frame 775, not sampled, so frame 780 (31 200 ms).
        assertThat(chosen.get(0).frame()).isEqualTo(750);
        assertThat(chosen.get(1).frame()).isEqualTo(780);
        assertThat(chosen).allSatisfy(f -> assertThat(f.sampled()).isTrue());
    }

    @Test
    void perSecondAddsTheLastFrameWhenSampledForTheNextSegmentsLeadIn() {
        var chosen = Samples.perSecond(segment(true), 1);
        assertThat(chosen.get(chosen.size() - 1).frame()).isEqualTo(1499);
        assertThat(chosen).hasSize(31);
    }

    @Test
    void higherRatesTakeMoreSamplesButNeverMoreThanThereAre() {
        assertThat(Samples.perSecond(segment(false), 2)).hasSize(60);
        assertThat(Samples.perSecond(segment(false), 100)).hasSize(Samples.all(segment(false)).size());
    }
}
