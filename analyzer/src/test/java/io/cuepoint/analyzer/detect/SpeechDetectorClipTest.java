package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.analyzer.audio.SpeechClips;
import io.cuepoint.analyzer.audio.SpeechConfig;
import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.analyzer.wire.Event;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The speech detector end to end on speech synthesized by espeak-ng, noise and tones rendered by ffmpeg, cut
 * into 30 s segments the way ingest publishes them.
 */
class SpeechDetectorClipTest {
    static final String FIRST = "The lecture today covers the basic ideas of signal processing.";
    static final String SECOND = "We start with sampling and move on to filters.";
    static final String THIRD = "Every student should read the first chapter before next week.";
    static final String MELODY = "aevalsrc='0.3*exp(-4*mod(t,1/3))*(sin(2*PI*t*220*pow(2,mod(floor(t*3),8)*2/12))"
            + "+0.5*sin(4*PI*t*220*pow(2,mod(floor(t*3),8)*2/12))+0.25*sin(6*PI*t*220*pow(2,mod(floor(t*3),8)*2/12)))'"
            + ":s=16000:d=12";
    static final String CHORDS = "aevalsrc='0.15*(sin(2*PI*t*196*pow(2,mod(floor(t/2),4)*5/12))"
            + "+sin(2*PI*t*247*pow(2,mod(floor(t/2),4)*5/12))+sin(2*PI*t*294*pow(2,mod(floor(t/2),4)*5/12)))'"
            + ":s=16000:d=12";
    static final ObjectMapper JSON = new ObjectMapper();

    record Result(List<Event> events, List<Artifact> artifacts) {
        List<Event> of(String type) {
            return events.stream().filter(e -> e.type().equals(type)).toList();
        }

        long totalMs(String type) {
            return of(type).stream().mapToLong(e -> e.endMs() - e.startMs()).sum();
        }
    }

    static Result analyze(String videoId, float[] clip) {
        var detector = new SpeechDetector(SpeechConfig.defaults());
        var ctx = new DetectionContext("test");
        var events = new ArrayList<Event>();
        var artifacts = new ArrayList<Artifact>();
        for (var segment : SpeechClips.segments(videoId, clip, 30_000)) {
            var out = detector.analyze(segment, ctx);
            events.addAll(out.events());
            artifacts.addAll(out.artifacts());
        }
        return new Result(events, artifacts);
    }

    /**
     * True speaking rate of a clean espeak-ng clip: its words over its speaking time, which is the clip
     * minus every stretch of digital silence of at least 300 ms (espeak-ng writes exact zeros between phrases).
     * Independent of the detector.
     */
    static double trueWordsPerMinute(float[] clip, int words) {
        int minRun = SpeechClips.RATE * 3 / 10;
        long silent = 0;
        int run = 0;
        for (float v : clip) {
            if (Math.abs(v) < 1e-3) {
                run++;
            } else {
                silent += run >= minRun ? run : 0;
                run = 0;
            }
        }
        double seconds = (clip.length - silent) / (double) SpeechClips.RATE;
        return words / seconds * 60;
    }

    /** Words per minute over all speech: what the merged speech.active intervals report, time-weighted. */
    static double estimatedWordsPerMinute(Result result) {
        double weighted = 0;
        for (var e : result.of(SpeechDetector.ACTIVE)) {
            weighted += ((Number) e.attributes().get("wordsPerMinute")).doubleValue() * (e.endMs() - e.startMs());
        }
        return weighted / result.totalMs(SpeechDetector.ACTIVE);
    }

    @ParameterizedTest
    @ValueSource(ints = {120, 160, 200})
    void speakingRateIsEstimatedWithinFifteenPercent(int wpm) {
        var clip = SpeechClips.speech(wpm);
        var result = analyze("rate-" + wpm, clip);
        double truth = trueWordsPerMinute(clip, SpeechClips.TEXT_WORDS);
        double estimate = estimatedWordsPerMinute(result);
        int syllables = result.of(SpeechDetector.ACTIVE).stream()
                .mapToInt(e -> ((Number) e.attributes().get("syllableCount")).intValue()).sum();
        System.out.printf("espeak-ng -s %d: true %.1f wpm over speaking time, estimated %.1f wpm (%+.1f %%), "
                + "%d syllables found of 69%n", wpm, truth, estimate, 100 * (estimate / truth - 1), syllables);
        assertThat(estimate).isCloseTo(truth, within(0.15 * truth));
        // The nominal -s rate counts the pauses between sentences too, so it is a little lower than the truth.
        assertThat(estimate).isCloseTo(wpm, within(0.15 * wpm));
    }

    /** Speech, 1.5 s of silence, speech, 1.5 s, speech; clean, or all of it under pink noise 15 dB down. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void insertedSilencesAreFoundWithinOneHundredMilliseconds(boolean noisy) {
        var first = SpeechClips.speech(FIRST, 160);
        var second = SpeechClips.speech(SECOND, 160);
        var third = SpeechClips.speech(THIRD, 160);
        var clip = SpeechClips.concat(first, SpeechClips.silence(1.5), second, SpeechClips.silence(1.5), third);
        if (noisy) {
            clip = SpeechClips.mix(clip, SpeechClips.noise("pink", 10, 0.2), 15);
        }
        long pause1 = ms(first.length);
        long pause2 = ms(first.length) + 1500 + ms(second.length);
        var result = analyze("pauses", clip);
        for (long start : new long[] {pause1, pause2}) {
            assertThat(result.of(SpeechDetector.PAUSE)).as("pause at %d ms", start)
                    .anySatisfy(e -> {
                        assertThat(e.startMs()).isCloseTo(start, within(100L));
                        assertThat(e.endMs()).isCloseTo(start + 1500, within(100L));
                        assertThat(((Number) e.attributes().get("durationMs")).longValue())
                                .isEqualTo(e.endMs() - e.startMs());
                    });
            assertThat(result.of(SpeechDetector.NONSPEECH)).anySatisfy(e -> {
                assertThat(e.startMs()).isCloseTo(start, within(100L));
                assertThat(e.endMs()).isCloseTo(start + 1500, within(100L));
                assertThat(e.attributes()).containsEntry("kind", noisy ? "noise" : "silence");
            });
        }
        assertThat(result.of(SpeechDetector.ACTIVE).get(0).startMs()).isLessThanOrEqualTo(100);
        for (var pause : result.of(SpeechDetector.PAUSE)) {
            System.out.printf("%s pause %d-%d (inserted at %d and %d)%n", noisy ? "noisy" : "clean", pause.startMs(),
                    pause.endMs(), pause1, pause2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"white", "pink", "brown"})
    void noiseAloneIsNoSpeech(String color) {
        var result = analyze("noise-" + color, SpeechClips.noise(color, 10, color.equals("brown") ? 0.5 : 0.2));
        assertThat(result.of(SpeechDetector.ACTIVE)).isEmpty();
        assertThat(result.of(SpeechDetector.NONSPEECH)).singleElement()
                .satisfies(e -> assertThat(e.attributes()).containsEntry("kind", "noise"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"white", "pink", "brown"})
    void speechInSteadyNoiseAtTenDecibelsIsFound(String color) {
        var speech = SpeechClips.speech(160);
        // Three seconds of noise alone first: they must stay non-speech.
        var clean = SpeechClips.concat(SpeechClips.silence(3), speech);
        var clip = SpeechClips.mix(clean, SpeechClips.noise(color, 10, 0.2), 10);
        var result = analyze("snr-" + color, clip);
        var cleanResult = analyze("clean", speech);
        long found = result.totalMs(SpeechDetector.ACTIVE);
        long expected = cleanResult.totalMs(SpeechDetector.ACTIVE);
        assertThat(found).isBetween((long) (0.85 * expected), (long) (1.1 * expected));
        assertThat(result.of(SpeechDetector.ACTIVE).get(0).startMs()).isGreaterThan(2900);
        assertThat(result.of(SpeechDetector.NONSPEECH).get(0).attributes()).containsEntry("kind", "noise");
        double rate = estimatedWordsPerMinute(result);
        assertThat(rate).isCloseTo(estimatedWordsPerMinute(cleanResult), within(0.15 * rate));
    }

    @Test
    void musicIsNoSpeech() {
        for (var clip : List.of(SpeechClips.lavfi("melody", MELODY), SpeechClips.lavfi("chords", CHORDS))) {
            var result = analyze("music", clip);
            assertThat(result.of(SpeechDetector.ACTIVE)).isEmpty();
            assertThat(result.of(SpeechDetector.NONSPEECH)).singleElement()
                    .satisfies(e -> assertThat(e.attributes()).containsEntry("kind", "music"));
        }
    }

    @Test
    void expressiveSpeechVariesItsPitchMoreThanMonotone() {
        var text = FIRST + " " + SECOND + " " + THIRD;
        double monotone = pitchVariation(SpeechClips.speech("<speak><prosody range=\"x-low\">" + text
                + "</prosody></speak>", 160, "-m"));
        double plain = pitchVariation(SpeechClips.speech(text, 160));
        double expressive = pitchVariation(SpeechClips.speech("<speak><prosody range=\"x-high\">" + text
                + "</prosody></speak>", 160, "-m"));
        System.out.printf("pitch variation: monotone %.2f st, default %.2f st, expressive %.2f st%n", monotone, plain,
                expressive);
        assertThat(monotone).isLessThan(plain);
        assertThat(plain).isLessThan(expressive);
    }

    private static double pitchVariation(float[] clip) {
        var result = analyze("prosody", clip);
        double weighted = 0;
        for (var e : result.of(SpeechDetector.ACTIVE)) {
            weighted += ((Number) e.attributes().get("pitchVariationSt")).doubleValue() * (e.endMs() - e.startMs());
        }
        return weighted / result.totalMs(SpeechDetector.ACTIVE);
    }

    @Test
    void prosodyArtifactHasTheContractShapeAndItsNucleiAreTheSyllables() throws Exception {
        var clip = SpeechClips.concat(SpeechClips.speech(FIRST, 160), SpeechClips.silence(1.5),
                SpeechClips.speech(SECOND, 160));
        var result = analyze("shape", clip);
        assertThat(result.artifacts()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("prosody");
            assertThat(a.name()).isEqualTo("prosody-s0");
            assertThat(a.contentType()).isEqualTo("application/json");
        });
        JsonNode json = JSON.readTree(result.artifacts().get(0).data());
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("stepMs", "startMs", "speech", "loudnessDb", "pitchHz", "nucleiMs", "syllablesPerWord");
        assertThat(json.get("stepMs").asInt()).isEqualTo(100);
        assertThat(json.get("syllablesPerWord").asDouble()).isEqualTo(SpeechConfig.defaults().syllablesPerWord());
        assertThat(json.get("startMs").asLong()).isZero();
        int steps = (int) Math.ceil(ms(clip.length) / 100.0);
        for (var field : List.of("speech", "loudnessDb", "pitchHz")) {
            assertThat(json.get(field).size()).as(field).isBetween(steps - 1, steps);
        }
        var active = result.of(SpeechDetector.ACTIVE);
        int syllables = active.stream().mapToInt(e -> ((Number) e.attributes().get("syllableCount")).intValue()).sum();
        assertThat(json.get("nucleiMs").size()).isEqualTo(syllables).isGreaterThan(20);
        for (var nucleus : json.get("nucleiMs")) {
            assertThat(active).anySatisfy(e -> assertThat(nucleus.asLong()).isBetween(e.startMs(), e.endMs()));
            assertThat(json.get("speech").get((int) (nucleus.asLong() / 100)).asInt()).isEqualTo(1);
        }
        // The inserted silence reads as silence in the track: not speech, no pitch, quiet.
        int silentStep = (int) ((ms(SpeechClips.speech(FIRST, 160).length) + 750) / 100);
        assertThat(json.get("speech").get(silentStep).asInt()).isZero();
        assertThat(json.get("pitchHz").get(silentStep).asDouble()).isZero();
        assertThat(json.get("loudnessDb").get(silentStep).asDouble()).isLessThan(-60);
        assertThat(json.get("pitchHz").get(10).asDouble()).isBetween(60.0, 400.0);
    }

    @Test
    void speechAcrossSegmentBoundariesIsFragmentedWithStableIds() {
        var clip = SpeechClips.concat(SpeechClips.speech(120), SpeechClips.speech(120));
        var first = analyze("long", clip);
        var again = analyze("long", clip);
        assertThat(again.events()).isEqualTo(first.events());
        assertThat(first.artifacts()).extracting(Artifact::name).containsExactly("prosody-s0", "prosody-s1");
        var open = first.of(SpeechDetector.ACTIVE).stream().filter(e -> e.fragment() != null).toList();
        assertThat(open).hasSize(2);
        assertThat(open.get(0).endMs()).isEqualTo(30_000);
        assertThat(open.get(0).fragment().openEnd()).isTrue();
        assertThat(open.get(1).startMs()).isEqualTo(30_000);
        assertThat(open.get(1).fragment().openStart()).isTrue();
        assertThat(first.events()).extracting(Event::id).doesNotHaveDuplicates();
        var merged = Fragments.merge(first.of(SpeechDetector.ACTIVE));
        assertThat(merged).hasSize(first.of(SpeechDetector.ACTIVE).size() - 1);
    }

    private static long ms(int samples) {
        return Math.round(samples * 1000.0 / SpeechClips.RATE);
    }
}
