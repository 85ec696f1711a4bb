package io.cuepoint.analyzer.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VoiceActivityTest {

    @Test
    void bridgesShortGapsInsideSpeechOnly() {
        var labels = labels("0011000111110000011");
        VoiceActivity.bridge(labels, 4, true);
        assertThat(text(labels)).isEqualTo("0011111111110000011");
    }

    @Test
    void dropsShortSpeech() {
        var labels = labels("0110001111000");
        VoiceActivity.bridge(labels, 3, false);
        assertThat(text(labels)).isEqualTo("0000001111000");
    }

    @Test
    void steadyNoiseHasLittleModulationAndSpeechMuch() {
        var noise = AudioFrames.of(new AudioSamples(0, 16_000, SpeechClips.noise("pink", 3, 0.2)));
        var speech = AudioFrames.of(new AudioSamples(0, 16_000, SpeechClips.speech(160)));
        double[] noiseModulation = VoiceActivity.modulation(noise.speechDb(), VoiceActivity.noiseFloor(noise.speechDb()));
        double[] speechModulation = VoiceActivity.modulation(speech.speechDb(),
                VoiceActivity.noiseFloor(speech.speechDb()));
        assertThat(noiseModulation[150]).isLessThan(2);
        assertThat(speechModulation[200]).isGreaterThan(6);
    }

    private static boolean[] labels(String s) {
        var out = new boolean[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.charAt(i) == '1';
        }
        return out;
    }

    private static String text(boolean[] labels) {
        var sb = new StringBuilder();
        for (boolean b : labels) {
            sb.append(b ? '1' : '0');
        }
        return sb.toString();
    }
}
