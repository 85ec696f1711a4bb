package io.cuepoint.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.analyzer.detect.CameraConfig;
import io.cuepoint.analyzer.detect.HandConfig;
import io.cuepoint.analyzer.detect.PoseConfig;
import io.cuepoint.analyzer.detect.TechnicalConfig;
import io.cuepoint.analyzer.detect.SlideConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyzerConfigTest {

    @Test
    void defaults() {
        var config = AnalyzerConfig.defaults();
        assertThat(config.detectors())
                .containsExactly("shots", "slides", "technical", "camera", "motion", "pose", "faces", "objects", "speech",
                        "presenter", "skills");
        assertThat(config.pose().model()).isEqualTo(PoseConfig.Model.LIGHTNING);
        assertThat(config.faces().expressions()).isTrue();
        assertThat(config.objects().fps()).isEqualTo(1.0);
        assertThat(config.objects().labels()).contains("person", "scissors", "knife", "laptop", "book");
        assertThat(config.shots().minScore()).isEqualTo(0.02);
        assertThat(config.shots().minGapMs()).isEqualTo(300);
        assertThat(config.motion().activeOn()).isEqualTo(0.005);
        assertThat(config.analyzerVersion()).isNotBlank();
        assertThat(config.describe()).contains("shots,slides,technical,camera,motion,pose,faces,objects,speech,presenter,skills")
                .contains("minScore=0.02")
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
    void readsTheTechnicalAndCameraKeys() {
        var defaults = AnalyzerConfig.defaults();
        assertThat(defaults.technical()).isEqualTo(TechnicalConfig.defaults());
        assertThat(defaults.camera()).isEqualTo(CameraConfig.defaults());
        assertThat(defaults.technical().frozenMinMs()).isEqualTo(2000);
        assertThat(defaults.technical().silenceMaxDbfs()).isEqualTo(-50);
        var config = AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.FROZEN_MIN_MS, "10000",
                AnalyzerConfig.SILENCE_MAX_DBFS, "-40", AnalyzerConfig.BLACK_MAX_LUMA, "16",
                AnalyzerConfig.CAMERA_PAN_ON, "0.1", AnalyzerConfig.CAMERA_MIN_MS, "1000"));
        assertThat(config.technical().frozenMinMs()).isEqualTo(10_000);
        assertThat(config.technical().silenceMaxDbfs()).isEqualTo(-40);
        assertThat(config.technical().blackMaxLuma()).isEqualTo(16);
        assertThat(config.camera().panOn()).isEqualTo(0.1);
        assertThat(config.camera().minMs()).isEqualTo(1000);
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.SILENCE_MAX_DBFS, "3")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_SILENCE_MAX_DBFS");
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.CAMERA_MIN_INLIERS, "1.5")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_CAMERA_MIN_INLIERS");
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

    @Test
    void readsTheSlideKeysAndNamesABadOne() {
        var config = AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.SLIDE_MIN_FLAT_SHARE, "0.6",
                AnalyzerConfig.SLIDE_MIN_MS, "2000"));
        assertThat(config.slides().minFlatShare()).isEqualTo(0.6);
        assertThat(config.slides().minSlideMs()).isEqualTo(2000);
        assertThat(config.slides().changeLevel()).isEqualTo(SlideConfig.defaults().changeLevel());
        assertThat(AnalyzerConfig.defaults().detectors()).containsSubsequence("shots", "slides");
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.SLIDE_CHANGE_LEVEL, "300")))
                .hasMessageContaining("CUEPOINT_SLIDE_CHANGE_LEVEL");
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.SLIDE_ANIMATION_SHARE, "0.6")))
                .hasMessageContaining("CUEPOINT_SLIDE_BUILD_SHARE");
    }

    @Test
    void handKeysAreReadAndChecked() {
        var defaults = AnalyzerConfig.defaults().hands();
        assertThat(defaults).isEqualTo(HandConfig.defaults());
        assertThat(defaults.everySample()).isTrue();
        assertThat(defaults.minScore()).isEqualTo(0.5);
        assertThat(defaults.maxHands()).isEqualTo(4);
        var config = AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.HANDS_FPS, "2",
                AnalyzerConfig.HANDS_MIN_SCORE, "0.6", AnalyzerConfig.HANDS_MAX, "2")).hands();
        assertThat(config).isEqualTo(new HandConfig(2, 0.6, 2));
        assertThat(config.everySample()).isFalse();
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.HANDS_FPS, "-1")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_HANDS_FPS");
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.HANDS_MIN_SCORE, "1.5")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_HANDS_MIN_SCORE");
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.HANDS_MAX, "0")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_HANDS_MAX");
    }
}
