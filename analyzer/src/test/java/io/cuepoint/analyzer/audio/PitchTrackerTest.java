package io.cuepoint.analyzer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PitchTrackerTest {
    private final PitchTracker tracker = new PitchTracker(60, 400, 0.3);

    /** A buzz with harmonics, like a voice's source, from ffmpeg. */
    @ParameterizedTest
    @ValueSource(ints = {80, 120, 210, 330})
    void findsThePitchOfAHarmonicTone(int hz) {
        var clip = SpeechClips.lavfi("tone-" + hz, "aevalsrc='0.2*sin(2*PI*" + hz + "*t)+0.1*sin(4*PI*" + hz
                + "*t)+0.05*sin(6*PI*" + hz + "*t)':s=16000:d=1");
        var pitch = tracker.track(AudioFrames.of(new AudioSamples(0, 16_000, clip)));
        var inner = Arrays.copyOfRange(pitch, 5, pitch.length - 5);
        assertThat(Arrays.stream(inner).boxed().toList()).allSatisfy(p -> assertThat(p).isCloseTo(hz, within(hz * 0.02)));
    }

    @Test
    void noiseIsUnvoiced() {
        var clip = SpeechClips.noise("white", 2, 0.3);
        var pitch = tracker.track(AudioFrames.of(new AudioSamples(0, 16_000, clip)));
        assertThat(Arrays.stream(pitch).filter(p -> p > 0).count()).isLessThan(pitch.length / 50);
    }

    @Test
    void speechIsAboutHalfVoicedAtAMalePitch() {
        var pitch = tracker.track(AudioFrames.of(new AudioSamples(0, 16_000, SpeechClips.speech(160))));
        var voiced = Arrays.stream(pitch).filter(p -> p > 0).toArray();
        assertThat(voiced.length).isBetween(pitch.length / 3, pitch.length * 3 / 4);
        // espeak-ng's default English voice speaks around 100 Hz.
        assertThat(Arrays.stream(voiced).sorted().toArray()[voiced.length / 2]).isBetween(85.0, 125.0);
    }
}
