package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuepoint.analyzer.audio.AudioSamples;
import io.cuepoint.analyzer.audio.SpeechClips;
import io.cuepoint.analyzer.audio.SpeechConfig;
import io.cuepoint.analyzer.audio.SpeechVideos;
import io.cuepoint.analyzer.detect.SpeechDetectorClipTest.Result;
import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.analyzer.wire.Event;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The speech detector on real video files: espeak-ng speech with two inserted silences ({@link SpeechVideos})
 * encoded into MP4/AAC 44.1 kHz stereo, Matroska/Opus 48 kHz and AVI/MP3 22.05 kHz, decoded by ingest's
 * decoder and cut by its segmenter into 30 s segments ({@link DecodedSegments}). Codec delays, resampling to
 * 16 kHz and the container's start times must all leave the pauses where they were inserted.
 */
class SpeechThroughIngestTest {
    private static final Path DIR = Path.of("target", "speech-videos");

    @ParameterizedTest
    @EnumSource(SpeechVideos.Format.class)
    void pausesRateAndProsodySurviveEncodingAndDecoding(SpeechVideos.Format format) throws Exception {
        var clip = SpeechVideos.write(DIR, format);
        var segments = DecodedSegments.of(clip.file());
        assertThat(segments).hasSize(2);
        var detector = new SpeechDetector(SpeechConfig.defaults());
        var ctx = new DetectionContext("test");
        var events = new ArrayList<Event>();
        var artifacts = new ArrayList<Artifact>();
        for (var segment : segments) {
            assertThat(segment.audio().pcm()).as("segment %d PCM", segment.index()).isNotNull();
            var out = detector.analyze(segment, ctx);
            events.addAll(out.events());
            artifacts.addAll(out.artifacts());
        }
        var result = new Result(events, artifacts);
        // Sample-exact timing first: ingest's 16 kHz waveform lies where the encoded file puts the sound, as
        // FFmpeg's own command line decodes it. AAC's priming and Opus's pre-skip are signalled by MP4 and
        // Matroska and dropped; AVI cannot signal LAME's encoder delay (1105 samples at 22.05 kHz = 50 ms), so
        // that file really starts its sound 50 ms late, for every player.
        var waveform = joined(segments);
        int lag = lag(clip.audio(), waveform);
        int cliLag = lag(clip.audio(), SpeechClips.decode(clip.file()));
        System.out.printf("%s: ingest's waveform %d samples late, ffmpeg's %d%n", format, lag, cliLag);
        assertThat(lag).isCloseTo(cliLag, within(1));
        assertThat(lag).isCloseTo(format == SpeechVideos.Format.AVI_MP3 ? 802 : 0, within(1));
        assertThat(waveform.length).isCloseTo(clip.audio().length, within(SpeechClips.RATE / 10));

        for (var pause : result.of(SpeechDetector.PAUSE)) {
            System.out.printf("%s: pause %d-%d%s (inserted at %d and %d, each %d ms)%n", format, pause.startMs(),
                    pause.endMs(), pause.fragment() == null ? "" : " fragment", clip.pausesMs()[0], clip.pausesMs()[1],
                    SpeechVideos.PAUSE_MS);
        }

        long first = clip.pausesMs()[0];
        assertThat(result.of(SpeechDetector.PAUSE)).as("whole pause at %d ms", first).anySatisfy(e -> {
            assertThat(e.fragment()).isNull();
            assertThat(e.startMs()).isCloseTo(first, within(100L));
            assertThat(e.endMs()).isCloseTo(first + SpeechVideos.PAUSE_MS, within(100L));
        });

        long straddling = clip.pausesMs()[1];
        var fragments = result.of(SpeechDetector.PAUSE).stream().filter(e -> e.fragment() != null).toList();
        assertThat(fragments).as("the pause across 30 s, in two fragments").hasSize(2);
        var before = fragments.get(0);
        var after = fragments.get(1);
        assertThat(before.startMs()).isCloseTo(straddling, within(100L));
        assertThat(before.endMs()).isEqualTo(30_000L).isEqualTo(after.startMs());
        assertThat(before.fragment().openEnd()).isTrue();
        assertThat(after.fragment().openStart()).isTrue();
        assertThat(after.fragment().segment()).isEqualTo(before.fragment().segment() + 1);
        assertThat(after.endMs()).isCloseTo(straddling + SpeechVideos.PAUSE_MS, within(100L));

        // The speech starts where the lead silence ends: no codec delay shifts it.
        assertThat(result.of(SpeechDetector.ACTIVE).get(0).startMs()).isCloseTo(clip.leadMs(), within(100L));

        double onWav = SpeechDetectorClipTest.estimatedWordsPerMinute(
                SpeechDetectorClipTest.analyze("wav", SpeechClips.speech(SpeechVideos.WPM)));
        double decoded = SpeechDetectorClipTest.estimatedWordsPerMinute(result);
        System.out.printf("%s: %.1f wpm through ingest, %.1f wpm on the WAV%n", format, decoded, onWav);
        assertThat(decoded).isCloseTo(onWav, within(0.15 * onWav));

        assertThat(artifacts).extracting(Artifact::name).containsExactly("prosody-s0", "prosody-s1");
        JsonNode previous = null;
        for (var artifact : artifacts) {
            JsonNode json = SpeechDetectorClipTest.JSON.readTree(artifact.data());
            assertThat(json.get("startMs").asLong()).isEqualTo(artifact.startMs());
            assertThat(json.get("pitchHz").size()).isEqualTo(json.get("speech").size());
            if (previous != null) {
                long previousEnd = previous.get("startMs").asLong()
                        + previous.get("stepMs").asLong() * previous.get("speech").size();
                assertThat(json.get("startMs").asLong()).as("prosody tracks join").isEqualTo(previousEnd)
                        .isEqualTo(30_000L);
            }
            previous = json;
        }
        // The last track's steps cover the audio; its last step may be partial.
        long audioEnd = artifacts.get(artifacts.size() - 1).endMs();
        long lastEnd = previous.get("startMs").asLong() + 100L * previous.get("speech").size();
        assertThat(audioEnd).isBetween(lastEnd - 99, lastEnd);
        assertNoSpeechInSilences(previous, clip.pausesMs()[1] + SpeechVideos.PAUSE_MS);
    }

    /** All segments' waveforms end to end. */
    private static float[] joined(List<Segment> segments) {
        var parts = segments.stream().map(s -> AudioSamples.of(s.audio()).orElseThrow().samples())
                .toArray(float[][]::new);
        return SpeechClips.concat(parts);
    }

    /**
     * How many 16 kHz samples {@code x} runs behind {@code reference}: the shift up to 150 ms either way that
     * best correlates 3 s of speech from 5 s on.
     */
    private static int lag(float[] reference, float[] x) {
        int from = SpeechClips.RATE * 5;
        int n = SpeechClips.RATE * 3;
        int reach = SpeechClips.RATE * 15 / 100;
        int best = 0;
        double bestSum = Double.NEGATIVE_INFINITY;
        for (int shift = -reach; shift <= reach; shift++) {
            double sum = 0;
            for (int i = from; i < from + n; i++) {
                sum += reference[i] * x[i + shift];
            }
            if (sum > bestSum) {
                bestSum = sum;
                best = shift;
            }
        }
        return best;
    }

    /** The track reads no speech in the last 100 ms steps of the straddling silence (30 s to its end). */
    private static void assertNoSpeechInSilences(JsonNode track, long silenceEndMs) {
        long start = track.get("startMs").asLong();
        List<Integer> speech = new ArrayList<>();
        for (long ms = start + 100; ms < silenceEndMs - 200; ms += 100) {
            speech.add(track.get("speech").get((int) ((ms - start) / 100)).asInt());
        }
        assertThat(speech).isNotEmpty().containsOnly(0);
    }
}
