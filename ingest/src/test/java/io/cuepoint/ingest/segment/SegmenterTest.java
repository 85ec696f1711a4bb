package io.cuepoint.ingest.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.ingest.decode.AudioWindow;
import io.cuepoint.ingest.decode.DecodedFrame;
import io.cuepoint.ingest.wire.AudioRecord;
import io.cuepoint.ingest.wire.FrameRecord;
import io.cuepoint.ingest.wire.SegmentEnd;
import io.cuepoint.ingest.wire.SegmentRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SegmenterTest {
    private static final long SEGMENT_MS = 1000;
    private final List<SegmentRecord> out = new ArrayList<>();

    private static DecodedFrame frame(long n, long ptsMs, boolean sampled) {
        byte[] thumb = {(byte) n, 1, 2};
        return new DecodedFrame(n, ptsMs, 1, 1, thumb, sampled ? new byte[]{(byte) 0xFF, (byte) 0xD8} : null,
                sampled ? 4 : 0, sampled ? 3 : 0);
    }

    private List<SegmentRecord> of(int segment) {
        return out.stream().filter(r -> r.segment() == segment).collect(Collectors.toList());
    }

    @Test
    void videoWithoutAudioIsCutWithLeadInsAndEnds() {
        var segmenter = new Segmenter("v1", SEGMENT_MS, 0, 20, out::add);
        // 25 frames at 10 fps; every 5th is sampled.
        for (int i = 0; i < 25; i++) {
            segmenter.onFrame(frame(i, i * 100L, i % 5 == 0));
        }
        int segments = segmenter.finish(2500);

        assertThat(segments).isEqualTo(3);
        assertThat(out).noneMatch(r -> r instanceof AudioRecord);

        var first = of(0);
        assertThat(first).hasSize(11);
        assertThat(first.get(0)).isInstanceOfSatisfying(FrameRecord.class, f -> {
            assertThat(f.leadIn()).isFalse();
            assertThat(f.frame()).isZero();
        });
        assertThat(first.get(10)).isEqualTo(new SegmentEnd(1, "v1", 0, 0, 1000, 10, 2, false));

        var second = of(1);
        assertThat(second).hasSize(12);
        assertThat(second.get(0)).isInstanceOfSatisfying(FrameRecord.class, f -> {
            assertThat(f.leadIn()).isTrue();
            assertThat(f.frame()).isEqualTo(9);
            assertThat(f.ptsMs()).isEqualTo(900);
            assertThat(f.segment()).isEqualTo(1);
            assertThat(f.key()).isEqualTo("v1/1");
        });
        assertThat(second.get(1)).isInstanceOfSatisfying(FrameRecord.class, f -> {
            assertThat(f.leadIn()).isFalse();
            assertThat(f.frame()).isEqualTo(10);
        });
        assertThat(second.get(11)).isEqualTo(new SegmentEnd(1, "v1", 1, 1000, 2000, 10, 2, false));

        var last = of(2);
        assertThat(last).hasSize(7);
        assertThat(last.get(6)).isEqualTo(new SegmentEnd(1, "v1", 2, 2000, 2500, 5, 1, true));
    }

    @Test
    void audioLaggingBehindVideoStillLandsBeforeItsSegmentEnds() {
        var segmenter = new Segmenter("v2", SEGMENT_MS, 48_000, 20, out::add);
        // Video at 10 fps over 2.5 s; audio windows of 20 ms arrive 300 ms behind the video.
        int window = 0;
        for (int i = 0; i < 25; i++) {
            long pts = i * 100L;
            segmenter.onFrame(frame(i, pts, false));
            while (window * 20L + 300 <= pts + 100 && window * 20L < 2500) {
                segmenter.onAudio(new AudioWindow(window * 20L, -20f - window % 7, -6f));
                window++;
            }
        }
        while (window * 20L < 2500) {
            segmenter.onAudio(new AudioWindow(window * 20L, -30f, -10f));
            window++;
        }
        int segments = segmenter.finish(2500);

        assertThat(segments).isEqualTo(3);
        for (int s = 0; s < 3; s++) {
            var records = of(s);
            var audio = records.get(records.size() - 2);
            int expectedWindows = s < 2 ? 50 : 25;
            int segment = s;
            assertThat(audio).isInstanceOfSatisfying(AudioRecord.class, a -> {
                assertThat(a.startMs()).isEqualTo(segment * 1000L);
                assertThat(a.windowMs()).isEqualTo(20);
                assertThat(a.sampleRate()).isEqualTo(48_000);
                assertThat(a.rmsDbfs()).hasSize(expectedWindows);
                assertThat(a.peakDbfs()).hasSize(expectedWindows);
            });
            assertThat(records.get(records.size() - 1)).isInstanceOf(SegmentEnd.class);
            // Nothing of this segment follows its end.
            assertThat(records.subList(0, records.size() - 2)).allMatch(r -> r instanceof FrameRecord);
        }
        var firstAudio = (AudioRecord) of(0).get(10);
        assertThat(firstAudio.rmsDbfs()[3]).isEqualTo(-23f);
    }

    @Test
    void aGapLongerThanASegmentLeavesAnEmptySegment() {
        var segmenter = new Segmenter("v3", SEGMENT_MS, 0, 20, out::add);
        segmenter.onFrame(frame(0, 0, true));
        segmenter.onFrame(frame(1, 100, false));
        segmenter.onFrame(frame(2, 2500, true));
        int segments = segmenter.finish(2600);

        assertThat(segments).isEqualTo(3);
        assertThat(of(1)).hasSize(2);
        assertThat(of(1).get(0)).isInstanceOfSatisfying(FrameRecord.class, f -> assertThat(f.frame()).isEqualTo(1));
        assertThat(of(1).get(1)).isEqualTo(new SegmentEnd(1, "v3", 1, 1000, 2000, 0, 0, false));
        assertThat(of(2).get(0)).isInstanceOfSatisfying(FrameRecord.class, f -> {
            assertThat(f.leadIn()).isTrue();
            assertThat(f.frame()).isEqualTo(1);
        });
        assertThat(of(2).get(2)).isEqualTo(new SegmentEnd(1, "v3", 2, 2000, 2600, 1, 1, true));
    }

    @Test
    void aShortVideoIsOneLastSegment() {
        var segmenter = new Segmenter("v4", 30_000, 0, 20, out::add);
        for (int i = 0; i < 3; i++) {
            segmenter.onFrame(frame(i, i * 40L, i == 0));
        }
        assertThat(segmenter.finish(120)).isEqualTo(1);
        assertThat(out).hasSize(4);
        assertThat(out.get(3)).isEqualTo(new SegmentEnd(1, "v4", 0, 0, 120, 3, 1, true));
    }

    @Test
    void windowWaveformsJoinIntoTheirSegmentsPcmInOrder() {
        var segmenter = new Segmenter("v5", SEGMENT_MS, 48_000, 20, out::add);
        // 1.5 s of video at 10 fps and 20 ms windows, each with 320 samples counting up from its first
        // sample's index on the 16 kHz grid, so any sample lost, doubled or swapped shows.
        for (int i = 0; i < 15; i++) {
            segmenter.onFrame(frame(i, i * 100L, i % 5 == 0));
            for (int w = i * 5; w < i * 5 + 5; w++) {
                short[] pcm = new short[320];
                for (int k = 0; k < pcm.length; k++) {
                    pcm[k] = (short) (w * 320 + k);
                }
                segmenter.onAudio(new AudioWindow(w * 20L, -20f, -6f, pcm));
            }
        }
        segmenter.finish(1500);

        var first = (AudioRecord) of(0).stream().filter(AudioRecord.class::isInstance).findFirst().orElseThrow();
        var second = (AudioRecord) of(1).stream().filter(AudioRecord.class::isInstance).findFirst().orElseThrow();
        assertThat(first.pcmRate()).isEqualTo(AudioRecord.PCM_RATE);
        assertThat(first.pcm()).hasSize(16_000 * 2);
        assertThat(second.startMs()).isEqualTo(1000);
        assertThat(second.pcm()).hasSize(8_000 * 2);
        var samples = java.nio.ByteBuffer.wrap(second.pcm()).order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        for (int k = 0; k < 8_000; k++) {
            assertThat(samples.get(k)).as("sample %d of segment 1", k).isEqualTo((short) (16_000 + k));
        }
        assertThat(first.pcm()[2]).isEqualTo((byte) 1);
        assertThat(first.pcm()[3]).isEqualTo((byte) 0);
    }
}
