package io.cuepoint.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.analyzer.detect.PoseConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyzerConfigTest {

    @Test
    void defaults() {
        var config = AnalyzerConfig.defaults();
        assertThat(config.detectors()).containsExactly("shots", "motion", "pose", "faces", "objects");
        assertThat(config.pose().model()).isEqualTo(PoseConfig.Model.LIGHTNING);
        assertThat(config.faces().expressions()).isTrue();
        assertThat(config.objects().fps()).isEqualTo(1.0);
        assertThat(config.objects().labels()).contains("person", "scissors", "knife", "laptop", "book");
        assertThat(config.shots().minScore()).isEqualTo(0.02);
        assertThat(config.shots().minGapMs()).isEqualTo(300);
        assertThat(config.motion().activeOn()).isEqualTo(0.02);
        assertThat(config.analyzerVersion()).isNotBlank();
        assertThat(config.describe()).contains("shots,motion,pose,faces,objects").contains("minScore=0.02")
                .contains("model=lightning");
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
    void readsTheModelDetectorsKeys() {
        var config = AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.POSE_MODEL, "MultiPose",
                AnalyzerConfig.POSE_MIN_SCORE, "0.5", AnalyzerConfig.FACE_MIN_SCORE, "0.7",
                AnalyzerConfig.FACE_MAX_YAW, "45", AnalyzerConfig.EXPRESSIONS, "false",
                AnalyzerConfig.OBJECTS_FPS, "0.5", AnalyzerConfig.OBJECT_LABELS, "person, Cell Phone",
                AnalyzerConfig.OBJECT_MIN_SCORE, "0.4"));
        assertThat(config.pose()).isEqualTo(new PoseConfig(PoseConfig.Model.MULTIPOSE, 0.5));
        assertThat(config.faces().minScore()).isEqualTo(0.7);
        assertThat(config.faces().maxYawDeg()).isEqualTo(45);
        assertThat(config.faces().expressions()).isFalse();
        assertThat(config.objects().fps()).isEqualTo(0.5);
        assertThat(config.objects().labels()).containsExactlyInAnyOrder("person", "cell phone");
        assertThat(config.objects().minScore()).isEqualTo(0.4);
        assertThat(AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.OBJECT_LABELS, "all")).objects().labels())
                .hasSize(80);
    }

    @Test
    void badModelDetectorValuesNameTheirKey() {
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.POSE_MODEL, "blazepose")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_POSE_MODEL");
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.EXPRESSIONS, "yes")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_EXPRESSIONS");
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.OBJECTS_FPS, "0")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_OBJECTS_FPS");
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.OBJECT_LABELS, "person,stethoscope")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_OBJECT_LABELS")
                .hasMessageContaining("stethoscope");
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.FACE_MIN_SCORE, "2")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_FACE_MIN_SCORE");
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
