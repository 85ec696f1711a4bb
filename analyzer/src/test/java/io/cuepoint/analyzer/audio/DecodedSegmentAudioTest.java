package io.cuepoint.analyzer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.analyzer.detect.DecodedSegments;
import io.cuepoint.analyzer.detect.Segment;
import io.cuepoint.ingest.testing.TestMedia;
import io.cuepoint.ingest.wire.AudioRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The waveform the speech cues read, from real files decoded and cut by ingest: {@link AudioSamples} of
 * each segment covers exactly the segment's audio, and its level agrees with the loudness windows ingest
 * measured on the original stream.
 */
class DecodedSegmentAudioTest {

    /** RMS in dBFS of {@code [fromMs, toMs)} of the waveform. */
    private static double rmsDb(AudioSamples audio, long fromMs, long toMs) {
        int from = audio.indexAt(fromMs);
        int to = audio.indexAt(toMs);
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) audio.samples()[i] * audio.samples()[i];
        }
        return 10 * Math.log10(sum / Math.max(1, to - from) + 1e-30);
    }

    @Test
    void megamindsSegmentsCoverTheirAudioAtTheLevelOfTheirWindows() {
        List<Segment> segments = DecodedSegments.of(TestMedia.megamind(), 3.0);

        assertThat(segments).hasSize(4);
        var differences = new ArrayList<Double>();
        for (int s = 0; s < segments.size(); s++) {
            AudioRecord record = segments.get(s).audio();
            AudioSamples audio = AudioSamples.of(record).orElseThrow();
            assertThat(audio.sampleRate()).isEqualTo(16_000);
            assertThat(audio.startMs()).isEqualTo(record.startMs());
            // As long as its windows (the last segment's last window may be partial) ...
            long windowsMs = (long) record.rmsDbfs().length * record.windowMs();
            assertThat(audio.endMs() - audio.startMs()).isBetween(windowsMs - record.windowMs() + 1, windowsMs);
            // ... and ending where the next segment's audio starts.
            if (s + 1 < segments.size()) {
                assertThat(audio.endMs()).isEqualTo(segments.get(s + 1).audio().startMs());
            }
            // Audio starts at 32 ms (the first AC-3 frame is incomplete), so windows start at 32 + 20 k ms:
            // segment 0 holds 32-3012 ms, the next ones whole 3 s from 3012, 6012, 9012 ms.
            assertThat(audio.startMs()).isEqualTo(s == 0 ? 32 : 3000L * s + 12);
            if (s > 0 && s + 1 < segments.size()) {
                assertThat(audio.endMs() - audio.startMs()).isEqualTo(3000);
            }
            for (int w = 0; w < record.rmsDbfs().length - 1; w++) {
                if (record.rmsDbfs()[w] > -50) {
                    long at = record.startMs() + (long) w * record.windowMs();
                    differences.add(rmsDb(audio, at, at + record.windowMs()) - record.rmsDbfs()[w]);
                }
            }
        }
        // The waveform lacks only what lies above 6.4-8 kHz: little of the energy of most windows of speech
        // and music (a few windows of hiss and crashes lose several dB).
        assertThat(differences).hasSizeGreaterThan(300);
        double[] sorted = differences.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        assertThat(sorted[sorted.length / 2]).as("median difference, dB").isCloseTo(0, within(0.1));
        assertThat(sorted[sorted.length / 4]).as("25th percentile, dB").isGreaterThan(-0.5);
        // A low-pass filter only takes energy away: no window comes out louder (beyond rounding).
        assertThat(sorted[sorted.length - 1]).as("largest difference, dB").isLessThan(0.25);
    }

    @Test
    void aGatedToneIsLoudAndSilentWhereItsWindowsSay() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "pcm-clips"));
        // 1 kHz at amplitude 0.5 (-9.03 dBFS), silent 1.5-2.5 s and 4.1-4.7 s; segments of 2 s.
        Path clip = TestMedia.generateGatedTone(dir.resolve("gated-tone-analyzer.mkv"), 48_000, 6, 1000,
                1.5, 2.5, 4.1, 4.7);
        List<Segment> segments = DecodedSegments.of(clip, 2.0);

        assertThat(segments).hasSize(3);
        int loud = 0;
        int quiet = 0;
        for (var segment : segments) {
            AudioRecord record = segment.audio();
            AudioSamples audio = AudioSamples.of(record).orElseThrow();
            assertThat(audio.startMs()).isEqualTo(segment.index() * 2000L);
            assertThat(audio.endMs()).isEqualTo(segment.index() * 2000L + 2000);
            assertThat(record.rmsDbfs()).hasSize(100);
            for (int w = 0; w < record.rmsDbfs().length; w++) {
                long at = record.startMs() + 20L * w;
                double ours = rmsDb(audio, at, at + 20);
                if (record.rmsDbfs()[w] > -12 && !nearEdge(at)) {
                    assertThat(ours).as("window at %d ms", at).isCloseTo(record.rmsDbfs()[w], within(0.1));
                    assertThat(ours).isCloseTo(-9.03, within(0.1));
                    loud++;
                } else if (record.rmsDbfs()[w] == -120f && !nearEdge(at)) {
                    assertThat(ours).as("window at %d ms", at).isLessThan(-90);
                    quiet++;
                }
            }
        }
        // 6 s less 1.6 s of silence, less the windows next to an edge.
        assertThat(loud).isBetween(210, 220);
        assertThat(quiet).isBetween(75, 80);
    }

    /** Whether a window from {@code at} lies within 20 ms of a switch of the tone (the filter smears 2 ms). */
    private static boolean nearEdge(long at) {
        return Arrays.stream(new long[]{1500, 2500, 4100, 4700}).anyMatch(e -> at > e - 40 && at < e + 20);
    }
}
