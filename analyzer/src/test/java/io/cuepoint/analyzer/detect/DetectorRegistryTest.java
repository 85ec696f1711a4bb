package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.AnalyzerException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectorRegistryTest {
    private final DetectorRegistry registry = DetectorRegistry.standard();

    @Test
    void listsTheModelsOfTheConfiguredDetectorsOnly() {
        assertThat(registry.models(AnalyzerConfig.defaults()))
                .containsExactly("movenet-lightning", "blazeface", "emotion", "centernet");
        assertThat(registry.models(AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.DETECTORS, "shots,motion"))))
                .isEmpty();
        assertThat(registry.models(AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.DETECTORS, "faces,pose",
                AnalyzerConfig.EXPRESSIONS, "false", AnalyzerConfig.POSE_MODEL, "thunder"))))
                .containsExactly("blazeface", "movenet-thunder");
    }

    @Test
    void technicalAndCameraNeedNoModel() {
        var config = AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.DETECTORS, "technical,camera"));
        assertThat(registry.models(config)).isEmpty();
        assertThat(registry.create(config)).extracting(SegmentDetector::name).containsExactly("technical", "camera");
    }

    @Test
    void aDetectorWhoseModelIsNotLoadedIsNotCreated() {
        var config = AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.DETECTORS, "shots,objects"));
        assertThatThrownBy(() -> registry.create(config)).isInstanceOf(AnalyzerException.class)
                .hasMessageContaining("objects").hasMessageContaining("centernet");
    }

    @Test
    void handsRunOnTheHandTrackModel() {
        var config = AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.DETECTORS, "pose,hands"));
        assertThat(registry.names()).contains(HandDetector.NAME);
        assertThat(registry.models(config)).containsExactly("movenet-lightning", "handtrack");
        assertThatThrownBy(() -> registry.create(AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.DETECTORS, "hands"))))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("hands").hasMessageContaining("handtrack");
    }
}
