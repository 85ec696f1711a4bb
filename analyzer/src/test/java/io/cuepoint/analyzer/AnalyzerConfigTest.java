package io.cuepoint.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyzerConfigTest {

    @Test
    void defaults() {
        var config = AnalyzerConfig.defaults();
        assertThat(config.detectors()).containsExactly("shots", "motion");
        assertThat(config.shots().minScore()).isEqualTo(0.02);
        assertThat(config.shots().minGapMs()).isEqualTo(300);
        assertThat(config.motion().activeOn()).isEqualTo(0.02);
        assertThat(config.analyzerVersion()).isNotBlank();
        assertThat(config.describe()).contains("shots,motion").contains("minScore=0.02");
    }

    @Test
    void readsTheEnvironment() {
        var config = AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.DETECTORS, " motion ",
                AnalyzerConfig.SHOT_MIN_SCORE, "0.4", AnalyzerConfig.MOTION_WIDTH, "320",
                AnalyzerConfig.VERSION, "2.0.0"));
        assertThat(config.detectors()).isEqualTo(List.of("motion"));
        assertThat(config.shots().minScore()).isEqualTo(0.4);
        assertThat(config.motion().width()).isEqualTo(320);
        assertThat(config.analyzerVersion()).isEqualTo("2.0.0");
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.SHOT_MIN_SCORE, "high")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_SHOT_MIN_SCORE");
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.SHOT_MIN_GAP_MS, "-5")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_SHOT_MIN_GAP_MS");
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.MOTION_ACTIVE_OFF, "0.5")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_MOTION_ACTIVE_OFF");
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.DETECTORS, " , ")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_DETECTORS");
    }
}
