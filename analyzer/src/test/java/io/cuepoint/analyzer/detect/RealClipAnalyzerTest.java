package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.wire.Event;
import org.junit.jupiter.api.Test;

/**
 * Every default detector, models loaded by the process's shared models as a worker loads them, on the
 * real clips: vtest.avi gives people and motion, Megamind.avi gives faces.
 */
class RealClipAnalyzerTest {

    @Test
    void vtestHasPersonTracksAndMotion() {
        try (var analyzer = new SegmentAnalyzer(AnalyzerConfig.defaults())) {
            var result = analyzer.analyze(RealClips.vtest().get(0));
            assertThat(result.error()).isNull();
            assertThat(result.events()).extracting(Event::type)
                    .contains("motion.active", "person.pose", "person.present", "object.detected", "object.present");
            assertThat(result.events().stream().filter(e -> e.type().equals("object.present"))
                    .filter(e -> "person".equals(e.attributes().get("label")))).hasSizeGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void megamindHasFaceEvents() {
        try (var analyzer = new SegmentAnalyzer(AnalyzerConfig.defaults())) {
            var result = analyzer.analyze(RealClips.megamind().get(0));
            assertThat(result.error()).isNull();
            assertThat(result.events()).extracting(Event::type)
                    .contains("shot.cut", "face.detected", "face.present", "face.count", "face.expression");
        }
    }
}
