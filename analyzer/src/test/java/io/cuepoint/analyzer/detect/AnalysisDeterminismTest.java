package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.model.ModelConfig;
import io.cuepoint.analyzer.model.ModelRepository;
import io.cuepoint.analyzer.wire.SegmentEvents;
import io.cuepoint.ingest.testing.TestMedia;
import io.cuepoint.ingest.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A segment analysed again (after a crashed analyzer, by another worker) gives the same events, byte for
 * byte on the wire: ids, times, confidences, boxes, keypoints, tracks and artifacts. That is what lets a
 * replayed segment upsert the rows it wrote before instead of adding new ones. Checked with every default
 * detector on real footage with people (tracked poses, objects, faces), on a worker that analysed another
 * segment first (no state carried from segment to segment), on a fresh worker, and on models loaded again
 * into a new TensorFlow session (what another analyzer process does).
 */
class AnalysisDeterminismTest {
    private final AnalyzerConfig config = AnalyzerConfig.defaults();

    @Test
    void aSegmentAnalysedAgainGivesTheSameEventsEverywhere() {
        var segments = RealClips.vtest();
        var segment = segments.get(1);
        String first;
        try (var worker = new SegmentAnalyzer(config)) {
            worker.analyze(segments.get(0));
            first = wire(worker.analyze(segment));
        }
        assertThat(first).contains("\"track\"").contains("\"box\"").contains("\"keypoints\"");
        try (var fresh = new SegmentAnalyzer(config)) {
            assertThat(wire(fresh.analyze(segment))).isEqualTo(first);
        }
        var reloaded = new SharedModels(new ModelRepository(config.models())::load);
        try (var otherProcess = new SegmentAnalyzer(config, reloaded)) {
            assertThat(wire(otherProcess.analyze(segment))).isEqualTo(first);
        }
    }

    @Test
    void anotherThreadCountGivesTheSameEvents() {
        // Analyzers on machines with other core counts run TensorFlow ops on other numbers of threads.
        var segment = RealClips.vtest().get(1);
        String twoThreads;
        var m = config.models();
        var two = new ModelConfig(m.modelsDir(), m.cacheDir(), m.nativeCache(), m.device(), 2, 2, m.overrides());
        try (var worker = new SegmentAnalyzer(config, new SharedModels(new ModelRepository(two)::load))) {
            twoThreads = wire(worker.analyze(segment));
        }
        var one = new ModelConfig(m.modelsDir(), m.cacheDir(), m.nativeCache(), m.device(), 1, 1, m.overrides());
        try (var worker = new SegmentAnalyzer(config, new SharedModels(new ModelRepository(one)::load))) {
            assertThat(wire(worker.analyze(segment))).isEqualTo(twoThreads);
        }
    }

    @Test
    void decodingAgainGivesTheSameSegments() {
        // The job decoded again from the start after an ingest worker died must feed the same frames.
        var again = DecodedSegments.of(TestMedia.vtest());
        var before = RealClips.vtest();
        assertThat(again).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(records(again.get(i))).as("segment %d", i).isEqualTo(records(before.get(i)));
        }
    }

    /** Events and artifacts as the analyzer publishes them; only the publication time differs by design. */
    private static String wire(SegmentEvents result) {
        assertThat(result.error()).isNull();
        return new String(WireJson.write(List.of(result.events(), result.artifacts())), StandardCharsets.UTF_8);
    }

    private static String records(Segment s) {
        return new String(WireJson.write(List.of(s.frames(), s.end(), s.leadIn() == null ? "" : s.leadIn(),
                s.audio() == null ? "" : s.audio())), StandardCharsets.UTF_8);
    }
}
