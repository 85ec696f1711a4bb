package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.AnalyzerException;
import io.cuepoint.analyzer.wire.Event;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the presenter detector is registered, configured and fed by the {@link SegmentAnalyzer}. */
class PresenterWiringTest {
    private final DetectorRegistry registry = DetectorRegistry.standard();

    private static AnalyzerConfig config(String detectors) {
        return AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.DETECTORS, detectors));
    }

    @Test
    void presenterIsRegisteredAndNeedsNoModelOfItsOwn() {
        assertThat(registry.names()).contains(PresenterDetector.NAME);
        assertThat(registry.models(config("pose,faces,presenter")))
                .containsExactly("movenet-lightning", "blazeface", "emotion");
        assertThat(new PresenterDetector(PresenterConfig.defaults()).inputs()).containsExactly("pose", "faces");
    }

    @Test
    void presenterWithoutPoseAndFacesIsRefusedNamingBoth() {
        assertThatThrownBy(() -> registry.create(config("shots,presenter"))).isInstanceOf(AnalyzerException.class)
                .hasMessageContaining("presenter").hasMessageContaining("pose and faces")
                .hasMessageContaining(AnalyzerConfig.DETECTORS);
    }

    @Test
    void presenterListedBeforeItsInputsIsRefusedNamingBoth() {
        // Refused before any model is asked for: presenter comes first and is checked as it is created.
        assertThatThrownBy(() -> registry.create(config("presenter,pose,faces"))).isInstanceOf(AnalyzerException.class)
                .hasMessageContaining("must list pose and faces before presenter")
                .hasMessageContaining("presenter,pose,faces");
    }

    @Test
    void aDerivedDetectorGetsTheEventsOfTheDetectorsBeforeIt() {
        var seen = new ArrayList<List<Event>>();
        DerivedDetector recorder = new DerivedDetector() {
            @Override
            public String name() {
                return "recorder";
            }

            @Override
            public List<String> inputs() {
                return List.of(ShotCutDetector.NAME);
            }

            @Override
            public DetectorOutput derive(Segment segment, List<Event> upstream, DetectionContext ctx) {
                seen.add(upstream);
                return new DetectorOutput(List.of(), List.of());
            }
        };
        var shots = registry.create(config("shots")).get(0);
        var video = new SyntheticVideo("v", 50, 50, Set.of(20), Set.of(), 6);
        try (var analyzer = new SegmentAnalyzer("test", List.of(shots, recorder), Clock.systemUTC())) {
            var result = analyzer.analyze(video.segment(0));
            assertThat(seen).hasSize(1);
            assertThat(seen.get(0)).extracting(Event::type).containsExactly("shot.cut");
            assertThat(seen.get(0)).isEqualTo(result.events());
        }
    }

    @Test
    void thePresenterKeysAreReadAndCheckedByName() {
        var defaults = AnalyzerConfig.defaults().presenter();
        assertThat(defaults).isEqualTo(PresenterConfig.defaults());
        var tuned = AnalyzerConfig.fromEnvironment(Map.of(PresenterConfig.PRESENTER_GESTURE_ON, "2",
                PresenterConfig.PRESENTER_GESTURE_OFF, "1.5", PresenterConfig.PRESENTER_RAISED_MIN_MS, "800")).presenter();
        assertThat(tuned.gestureOn()).isEqualTo(2.0);
        assertThat(tuned.gestureOff()).isEqualTo(1.5);
        assertThat(tuned.raisedMinMs()).isEqualTo(800);
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(PresenterConfig.PRESENTER_GESTURE_OFF, "3")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_PRESENTER_GESTURE_OFF")
                .hasMessageContaining("CUEPOINT_PRESENTER_GESTURE_ON");
        assertThatThrownBy(() -> AnalyzerConfig.fromEnvironment(Map.of(PresenterConfig.PRESENTER_MIN_HEIGHT, "tall")))
                .isInstanceOf(AnalyzerException.class).hasMessageContaining("CUEPOINT_PRESENTER_MIN_HEIGHT");
    }
}
