package io.cuepoint.analyzer.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.analyzer.AnalyzerException;
import org.junit.jupiter.api.Test;

class TrackerConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        var d = TrackerConfig.defaults();
        assertThat(d.minIou()).isEqualTo(0.3);
        assertThat(d.maxCentreSigmas()).isEqualTo(4.0);
        assertThat(d.maxSizeRatio()).isEqualTo(2.5);
        assertThat(d.distanceWeight()).isEqualTo(0.5);
        assertThat(d.maxAgeMs()).isEqualTo(2000);
        assertThat(d.minHits()).isEqualTo(2);
        assertThat(d.measurementNoise()).isEqualTo(0.08);
        assertThat(d.accelerationNoise()).isEqualTo(0.5);
        assertThat(d.withMaxAgeMs(500).maxAgeMs()).isEqualTo(500);
        assertThat(d.withMinHits(1).minHits()).isEqualTo(1);
    }

    @Test
    void badValuesNameTheirField() {
        assertThatThrownBy(() -> new TrackerConfig(1.5, 4, 2.5, 0.5, 2000, 2, 0.08, 0.5))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("minIou=1.5");
        assertThatThrownBy(() -> new TrackerConfig(0.3, Double.NaN, 2.5, 0.5, 2000, 2, 0.08, 0.5))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("maxCentreSigmas");
        assertThatThrownBy(() -> TrackerConfig.defaults().withMaxAgeMs(-1))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("maxAgeMs=-1");
        assertThatThrownBy(() -> TrackerConfig.defaults().withMinHits(0))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("minHits=0");
        assertThatThrownBy(() -> new TrackerConfig(0.3, 4, 0.5, 0.5, 2000, 2, 0.08, 0.5))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("maxSizeRatio");
    }
}
