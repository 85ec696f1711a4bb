package io.cuepoint.analyzer.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuepoint.ingest.wire.WireJson;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The analyzer's records against the hand-checked samples in {@code golden/}: what we write must equal
 * the sample as a JSON tree, and reading the sample must give the record. The api's materializer
 * tests the same files from its side. Ids in the samples were computed by hand from
 * {@link EventIds}' definition (SHA-256 of the NUL-joined key, first 16 bytes in hex).
 */
class GoldenSamplesTest {
    static final Event MOTION = new Event(Event.SCHEMA, "279ae95c732f56de667bde323b9dabf9", "lecture-42",
            "motion.active", 12040, 30000, 301, 749, 0.93, null, null, null,
            Map.of("motionEnergy", 0.0421, "sampleCount", 72), new Producer("0.1.0", "motion", null),
            new Fragment(0, false, true));
    static final SegmentEvents SEGMENT_EVENTS = new SegmentEvents(SegmentEvents.SCHEMA, "lecture-42", 1, "0.1.0", 750,
            List.of(
                    new Event(Event.SCHEMA, "641f9ee0128a41e3a09e529523598eac", "lecture-42", "shot.cut", 30400,
                            30400, 760, 760, 0.88, null, null, null, Map.of("score", 0.6132),
                            new Producer("0.1.0", "shots", null), null),
                    new Event(Event.SCHEMA, "d5dda1021ef710b0b197f3fa7c036603", "lecture-42", "motion.idle", 30000,
                            60000, 750, 1499, 0.97, null, null, null, Map.of("motionEnergy", 0.0012, "sampleCount", 120),
                            new Producer("0.1.0", "motion", null), new Fragment(1, true, true))),
            List.of(new Artifact(Artifact.MOTION_GRID, "s1", "application/octet-stream", 750, 30000, 60000,
                    Map.of("cols", 2, "rows", 1, "frames", List.of(750, 756)), new byte[] {0, 12, (byte) 255, 3})),
            null, Instant.parse("2026-11-25T18:00:05Z"));
    static final AnalysisProgress PROGRESS = new AnalysisProgress(AnalysisProgress.SCHEMA, "lecture-42", 1,
            AnalysisProgress.State.DONE, 750, 2, "0.1.0", null, Instant.parse("2026-11-25T18:00:05.250Z"));

    @Test
    void idsInTheSamplesFollowEventIds() {
        assertThat(MOTION.id()).isEqualTo(EventIds.of("lecture-42", "motion", "motion.active", 301, null));
        assertThat(SEGMENT_EVENTS.events()).allSatisfy(e -> assertThat(e.id())
                .isEqualTo(EventIds.of(e.videoId(), e.producer().detector(), e.type(), e.startFrame(), null)));
    }

    @Test
    void eventMatchesGolden() throws IOException {
        assertThat(tree(WireJson.write(MOTION))).isEqualTo(golden("event.json"));
        assertThat(WireJson.read(bytes("event.json"), Event.class)).isEqualTo(MOTION);
    }

    @Test
    void segmentEventsMatchGolden() throws IOException {
        assertThat(tree(WireJson.write(SEGMENT_EVENTS))).isEqualTo(golden("segment-events.json"));
        assertThat(WireJson.read(bytes("segment-events.json"), SegmentEvents.class)).isEqualTo(SEGMENT_EVENTS);
    }

    @Test
    void analysisProgressMatchesGolden() throws IOException {
        assertThat(tree(WireJson.write(PROGRESS))).isEqualTo(golden("analysis-progress.json"));
        assertThat(WireJson.read(bytes("analysis-progress.json"), AnalysisProgress.class)).isEqualTo(PROGRESS);
    }

    static JsonNode golden(String name) throws IOException {
        return tree(bytes(name));
    }

    static byte[] bytes(String name) throws IOException {
        try (var in = GoldenSamplesTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden sample %s on the classpath", name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static JsonNode tree(byte[] json) throws IOException {
        return WireJson.mapper().readTree(json);
    }
}
