package io.cuepoint.ingest.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.ingest.IngestConfig;
import io.cuepoint.ingest.decode.AudioWindow;
import io.cuepoint.ingest.decode.DecodeListener;
import io.cuepoint.ingest.decode.DecodedFrame;
import io.cuepoint.ingest.decode.VideoDecoder;
import io.cuepoint.ingest.testing.TestMedia;
import io.cuepoint.ingest.wire.AudioRecord;
import io.cuepoint.ingest.wire.MediaInfo;
import io.cuepoint.ingest.wire.SegmentRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real decoding into real segments, checked on the waveform each audio record carries: the segments' PCM
 * put end to end is the whole downmix at 16 kHz, each record's first sample at its {@code startMs}, with no
 * sample lost or doubled at a boundary.
 */
class SegmentPcmTest {
    private static final int RATE = AudioRecord.PCM_RATE;
    private static final Path DIR = Path.of("target", "pcm-clips");
    /** 6 s of 1 kHz at amplitude 0.5, silent 1.5-2.5 s (across the 2 s boundary) and 4.1-4.7 s. */
    private static final double[] SILENCES = {1.5, 2.5, 4.1, 4.7};
    private static Path gated;

    @BeforeAll
    static void generate() throws IOException {
        Files.createDirectories(DIR);
        gated = TestMedia.generateGatedTone(DIR.resolve("gated-tone.mkv"), 44_100, 6, 1000, SILENCES);
    }

    private static List<AudioRecord> audio(Path file, double segmentSeconds, boolean pcm) {
        var defaults = IngestConfig.defaults();
        var config = new IngestConfig(Math.round(segmentSeconds * 1000), defaults.sampleFps(), defaults.analysisMaxSide(),
                defaults.thumbnailWidth(), defaults.jpegQuality(), defaults.audioWindowMs(), defaults.decoderThreads(),
                defaults.progressIntervalMs(), pcm);
        var records = new ArrayList<SegmentRecord>();
        var listener = new DecodeListener() {
            Segmenter segmenter;

            @Override
            public void onStart(MediaInfo media) {
                segmenter = new Segmenter("v", config.segmentMs(), media.audioSampleRate(), config.audioWindowMs(),
                        records::add);
            }

            @Override
            public void onFrame(DecodedFrame frame) {
                segmenter.onFrame(frame);
            }

            @Override
            public void onAudio(AudioWindow window) {
                segmenter.onAudio(window);
            }
        };
        var result = new VideoDecoder(config).decode(file, listener);
        listener.segmenter.finish(result.endMs());
        return records.stream().filter(AudioRecord.class::isInstance).map(AudioRecord.class::cast).toList();
    }

    private static short[] samples(AudioRecord record) {
        var shorts = ByteBuffer.wrap(record.pcm()).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        short[] out = new short[shorts.remaining()];
        shorts.get(out);
        return out;
    }

    /** Checks that each record's PCM starts where the previous one's ends, and joins them. */
    private static short[] joinContiguous(List<AudioRecord> records) {
        int total = 0;
        for (int i = 0; i < records.size(); i++) {
            var r = records.get(i);
            assertThat(r.pcmRate()).isEqualTo(RATE);
            assertThat(r.pcm()).isNotNull();
            assertThat(r.pcm().length % 2).isZero();
            if (i > 0) {
                var previous = records.get(i - 1);
                long previousEnd = previous.startMs() * RATE / 1000 + previous.pcm().length / 2;
                assertThat(r.startMs() * RATE / 1000).as("first sample of segment %d", r.segment())
                        .isEqualTo(previousEnd);
            }
            total += r.pcm().length / 2;
        }
        short[] joined = new short[total];
        int at = 0;
        for (var r : records) {
            short[] s = samples(r);
            System.arraycopy(s, 0, joined, at, s.length);
            at += s.length;
        }
        return joined;
    }

    @Test
    void megamindsSegmentsJoinIntoWhatFfmpegHears() {
        var records = audio(TestMedia.megamind(), 2.0, true);

        // 11.26 s: segments 0-5, each with audio.
        assertThat(records).extracting(AudioRecord::segment).containsExactly(0, 1, 2, 3, 4, 5);
        for (var r : records.subList(1, records.size())) {
            assertThat(r.startMs()).as("segment %d", r.segment()).isBetween(r.segment() * 2000L, r.segment() * 2000L + 19);
        }
        for (var r : records) {
            // One PCM sample per 1/16 ms of the windows it covers (the last window may be partial).
            assertThat(r.pcm().length / 2).isBetween((r.rmsDbfs().length - 1) * 320 + 1, r.rmsDbfs().length * 320);
        }
        // The first AC-3 frame is incomplete: audio starts with the second one, at 32 ms.
        assertThat(records.get(0).startMs()).isEqualTo(32);
        short[] ours = joinContiguous(records);

        // FFmpeg's own downmix and resampler, an independent reference (its output starts at the first
        // decoded sample too): the same length within a few samples, and the two line up at lag 0 (a slipped
        // boundary or a shifted start would move the peak by at least a 20 ms window, 320 samples).
        short[] reference = TestMedia.ffmpegMonoPcm(TestMedia.megamind(), RATE);
        assertThat(ours.length).isCloseTo(reference.length, org.assertj.core.api.Assertions.within(32));
        int n = Math.min(ours.length, reference.length) - 400;
        int bestLag = 0;
        double best = -2;
        for (int lag = -400; lag <= 400; lag++) {
            double c = correlation(ours, reference, lag, 200, n);
            if (c > best) {
                best = c;
                bestLag = lag;
            }
        }
        assertThat(bestLag).isZero();
        assertThat(best).isGreaterThan(0.995);
        // And per segment: each segment's stretch matches the reference at its own media time.
        for (var r : records) {
            int from = (int) (r.startMs() * RATE / 1000);
            int to = Math.min(from + r.pcm().length / 2, n);
            if (to - from > 1600) {
                assertThat(correlation(ours, reference, 0, from, to)).as("segment %d", r.segment()).isGreaterThan(0.99);
            }
        }
    }

    @Test
    void aGatedToneLandsOnTheSampleGridAcrossSegmentBoundaries() {
        var records = audio(gated, 2.0, true);

        assertThat(records).extracting(AudioRecord::startMs).containsExactly(0L, 2000L, 4000L);
        short[] pcm = joinContiguous(records);
        assertThat(pcm).hasSize(6 * RATE);
        // Sample m is the tone at m / 16000 s: outside 2 ms of an edge of the gate, within -50 dB of the
        // ideal signal. One sample of slip at 1 kHz would leave only 12 dB (a 22.5 degree phase error).
        double error = 0;
        double signal = 0;
        for (int m = 0; m < pcm.length; m++) {
            double t = (double) m / RATE;
            if (nearEdge(t, 0.002) || t < 0.002 || t > 5.998) {
                continue;
            }
            double ideal = silent(t) ? 0 : 0.5 * Math.sin(2 * Math.PI * 1000 * t);
            double d = pcm[m] / 32768.0 - ideal;
            error += d * d;
            signal += ideal * ideal;
        }
        assertThat(10 * Math.log10(error / signal)).isLessThan(-50);
        // Where each segment's own PCM switches, in its own sample indices: segment 1 (from 2000 ms) is
        // silent until 2500 ms, sample 8000; segment 2 (from 4000 ms) falls silent at 4100 ms, sample 1600,
        // and sounds again at 4700 ms, sample 11200.
        assertEdgesNear(edges(samples(records.get(0))), 24000);
        assertEdgesNear(edges(samples(records.get(1))), 8000);
        assertEdgesNear(edges(samples(records.get(2))), 1600, 11200);
    }

    @Test
    void withTheWaveformOffRecordsCarryLoudnessOnly() {
        var records = audio(gated, 2.0, false);

        assertThat(records).hasSize(3).allSatisfy(r -> {
            assertThat(r.pcm()).isNull();
            assertThat(r.pcmRate()).isZero();
            assertThat(r.rmsDbfs()).hasSize(100);
        });
    }

    private static boolean silent(double t) {
        for (int i = 0; i < SILENCES.length; i += 2) {
            if (t >= SILENCES[i] && t < SILENCES[i + 1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean nearEdge(double t, double margin) {
        for (double edge : SILENCES) {
            if (Math.abs(t - edge) < margin) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sample indices where the level switches between tone and silence: where a running 1 ms RMS (one
     * period of the tone) crosses half the tone's power, which for a sharp switch is when the window's
     * centre reaches it, and stays on that side for at least 2 ms.
     */
    private static List<Integer> edges(short[] pcm) {
        int window = RATE / 1000;
        double halfPower = 0.5 * 0.5 / 2 / 2;
        boolean[] loud = new boolean[pcm.length - window + 1];
        for (int at = 0; at < loud.length; at++) {
            double sum = 0;
            for (int i = at; i < at + window; i++) {
                double v = pcm[i] / 32768.0;
                sum += v * v;
            }
            loud[at] = sum / window > halfPower;
        }
        var out = new ArrayList<Integer>();
        int hold = 2 * window;
        for (int at = hold; at + hold <= loud.length; at++) {
            if (loud[at] != loud[at - 1] && steady(loud, at - hold, at) && steady(loud, at, at + hold)) {
                out.add(at + window / 2);
            }
        }
        return out;
    }

    private static boolean steady(boolean[] states, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (states[i] != states[from]) {
                return false;
            }
        }
        return true;
    }

    private static void assertEdgesNear(List<Integer> edges, int... expected) {
        assertThat(edges).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(edges.get(i)).as("edge %d", i).isCloseTo(expected[i], org.assertj.core.api.Assertions.within(2));
        }
    }

    private static double correlation(short[] a, short[] b, int lag, int from, int to) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = from; i < to; i++) {
            int j = i + lag;
            if (j < 0 || j >= b.length || i >= a.length) {
                continue;
            }
            ab += (double) a[i] * b[j];
            aa += (double) a[i] * a[i];
            bb += (double) b[j] * b[j];
        }
        return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }
}
