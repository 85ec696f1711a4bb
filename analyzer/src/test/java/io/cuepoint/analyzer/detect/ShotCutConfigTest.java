package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.AnalyzerException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShotCutConfigTest {
    @Test
    void transitionKeysAreReadWithTheirDefaults() {
        var defaults = AnalyzerConfig.defaults().shots();
        assertThat(defaults).isEqualTo(ShotCutConfig.defaults());
        assertThat(defaults.transitionMinMs()).isEqualTo(150);
        assertThat(defaults.transitionMaxMs()).isEqualTo(3000);

        var shots = AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.SHOT_TRANSITION_MIN_MS, "200",
                AnalyzerConfig.SHOT_TRANSITION_MAX_MS, "5000", AnalyzerConfig.SHOT_TRANSITION_MIN_CHANGE, "20",
                AnalyzerConfig.SHOT_TRANSITION_MAX_ERROR, "0.2")).shots();
        assertThat(shots.transitionMinMs()).isEqualTo(200);
        assertThat(shots.transitionMaxMs()).isEqualTo(5000);
        assertThat(shots.transitionMinChange()).isEqualTo(20);
        assertThat(shots.transitionMaxError()).isEqualTo(0.2);
    }

    @Test
    void badTransitionValuesNameTheirKey() {
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.SHOT_TRANSITION_MAX_ERROR, "2")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_SHOT_TRANSITION_MAX_ERROR");
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.SHOT_TRANSITION_MIN_MS, "4000")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_SHOT_TRANSITION_MIN_MS")
                .hasMessageContaining("CUEPOINT_SHOT_TRANSITION_MAX_MS");
    }
}
