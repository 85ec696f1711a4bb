package io.cuepoint.analyzer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.AnalyzerException;
import io.cuepoint.analyzer.detect.DetectorRegistry;
import io.cuepoint.analyzer.detect.SpeechDetector;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpeechConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        var speech = AnalyzerConfig.defaults().speech();
        assertThat(speech).isEqualTo(SpeechConfig.defaults());
        assertThat(speech.minPauseMs()).isEqualTo(300);
        assertThat(speech.maxPauseMs()).isEqualTo(5000);
        assertThat(speech.syllablesPerWord()).isEqualTo(1.5);
        assertThat(AnalyzerConfig.defaults().describe()).contains("SpeechConfig[minPauseMs=300");
    }

    @Test
    void readsTheEnvironment() {
        var speech = AnalyzerConfig.fromEnvironment(Map.of(SpeechConfig.SPEECH_MIN_PAUSE_MS, "250",
                SpeechConfig.SPEECH_MAX_PAUSE_MS, "8000", SpeechConfig.SPEECH_SYLLABLES_PER_WORD, "1.7",
                SpeechConfig.SPEECH_SNR_DB, "9", SpeechConfig.SPEECH_MIN_PITCH_HZ, "70",
                SpeechConfig.SPEECH_SILENCE_DBFS, "-50")).speech();
        assertThat(speech.minPauseMs()).isEqualTo(250);
        assertThat(speech.maxPauseMs()).isEqualTo(8000);
        assertThat(speech.syllablesPerWord()).isEqualTo(1.7);
        assertThat(speech.snrDb()).isEqualTo(9);
        assertThat(speech.minPitchHz()).isEqualTo(70);
        assertThat(speech.silenceDbfs()).isEqualTo(-50);
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(SpeechConfig.SPEECH_MIN_PAUSE_MS, "900",
                SpeechConfig.SPEECH_MAX_PAUSE_MS, "800")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_SPEECH_MIN_PAUSE_MS");
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(SpeechConfig.SPEECH_MIN_PITCH_HZ, "500")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_SPEECH_MIN_PITCH_HZ");
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(SpeechConfig.SPEECH_SYLLABLES_PER_WORD, "x")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_SPEECH_SYLLABLES_PER_WORD");
    }

    @Test
    void theRegistryCreatesTheSpeechDetector() {
        var config = AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.DETECTORS, "speech"));
        assertThat(DetectorRegistry.standard().names()).contains(SpeechDetector.NAME);
        assertThat(DetectorRegistry.standard().models(config)).isEmpty();
        assertThat(DetectorRegistry.standard().create(config)).singleElement().isInstanceOf(SpeechDetector.class);
    }
}
