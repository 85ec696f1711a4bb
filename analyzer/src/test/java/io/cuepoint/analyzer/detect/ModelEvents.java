package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.wire.Event;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks every model-based detector's events share: the shape the event contract promises. */
final class ModelEvents {
    private ModelEvents() {
    }

    /**
     * @param kind     track kind: person, face or object
     * @param model    the expected producer model prefix, such as {@code movenet-lightning@sha256:}
     * @param instants the instant types that carry a box and a track
     */
    static void assertWellFormed(List<Event> events, Segment segment, String detector, String kind, String model,
                                 Set<String> instants) {
        var track = Pattern.compile(kind + "-s" + segment.index() + "-[1-9][0-9]*");
        assertThat(events).extracting(Event::id).doesNotHaveDuplicates();
        for (var e : events) {
            assertThat(e.videoId()).isEqualTo(segment.videoId());
            assertThat(e.producer().detector()).isEqualTo(detector);
            assertThat(e.producer().model()).startsWith(model).matches(".*@sha256:[0-9a-f]{12}.*");
            assertThat(e.confidence()).isBetween(0.0, 1.0);
            assertThat(e.endMs()).isGreaterThanOrEqualTo(e.startMs());
            if (e.track() != null) {
                assertThat(e.track()).matches(track);
            }
            if (e.box() != null) {
                assertThat(e.box().left()).isBetween(0.0, 1.0);
                assertThat(e.box().right()).isBetween(e.box().left(), 1.0);
                assertThat(e.box().top()).isBetween(0.0, 1.0);
                assertThat(e.box().bottom()).isBetween(e.box().top(), 1.0);
            }
            if (e.keypoints() != null) {
                assertThat(e.keypoints()).allSatisfy(k -> {
                    assertThat(k.x()).isBetween(0.0, 1.0);
                    assertThat(k.y()).isBetween(0.0, 1.0);
                    assertThat(k.score()).isBetween(0.0, 1.0);
                });
            }
            if (instants.contains(e.type())) {
                assertThat(e.startMs()).isEqualTo(e.endMs());
                assertThat(e.track()).isNotNull();
                assertThat(e.box()).isNotNull();
                boolean leadIn = segment.leadIn() != null && e.startFrame() == segment.leadIn().frame();
                if (leadIn) {
                    assertThat(e.attributes()).containsEntry("leadIn", true);
                } else {
                    assertThat(e.attributes()).doesNotContainKey("leadIn");
                }
            }
        }
    }
}
