package io.cuepoint.analyzer.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.detect.DecodedSegments;
import io.cuepoint.analyzer.wire.SegmentEvents;
import io.cuepoint.ingest.IngestConfig;
import io.cuepoint.ingest.testing.TestMedia;
import io.cuepoint.ingest.wire.SegmentRecord;
import io.cuepoint.ingest.wire.Topics;
import io.cuepoint.ingest.wire.WireJson;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyzer's meters move with real work: a real clip, decoded and segmented by ingest's code, analysed by a
 * worker with the shot-cut and pose detectors (the real MoveNet Lightning model) against a real broker.
 */
class AnalyzerMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private KafkaTestCluster kafka;
    private AnalyzerWorker worker;

    @BeforeEach
    void start() throws Exception {
        Metrics.addRegistry(registry);
        kafka = new KafkaTestCluster();
    }

    @AfterEach
    void stop() throws Exception {
        if (worker != null) {
            worker.close();
        }
        kafka.close();
        Metrics.removeRegistry(registry);
    }

    @Test
    void inferenceSegmentsAndPublishedEventsAreMeasured(@TempDir Path dir) throws Exception {
        // 3 s at 10 fps in 1 s segments: three segments, a cut in the second.
        var clip = TestMedia.generateClipWithCuts(dir.resolve("clip.mp4"), 320, 240, 10, 30, new int[] {14});
        var records = segmentRecords(clip.path());
        records.forEach(kafka::publish);
        kafka.flush();
        var end = kafka.frameEndOffsets();

        var config = AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.DETECTORS, "shots,pose"));
        worker = new AnalyzerWorker(config, kafka.clientProperties());
        new Thread(worker, "analyzer-metrics").start();
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(kafka.committedOffsets()).isEqualTo(end));

        var published = kafka.readAll(Topics.EVENTS).stream()
                .map(r -> WireJson.read(r.value(), SegmentEvents.class)).toList();
        assertThat(published).hasSize(3);
        assertThat(registry.get("cuepoint.segments.analyzed").tag("outcome", "done").timer().count()).isEqualTo(3);
        assertThat(registry.get("cuepoint.segments.analyzed").tag("outcome", "failed").timer().count()).isZero();
        assertThat(registry.get("cuepoint.events.published").counter().count())
                .isEqualTo(published.stream().mapToInt(e -> e.events().size()).sum())
                .isPositive();
        // Pose runs MoveNet once per sampled frame (4 per second of video, so at least 3 per segment).
        Timer inference = registry.get("cuepoint.inference").tag("model", "movenet-lightning").timer();
        assertThat(inference.count()).isGreaterThanOrEqualTo(9);
        assertThat(inference.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    }

    /** The frames topic's records of a real file, as ingest would publish them. */
    private static List<SegmentRecord> segmentRecords(Path file) {
        var config = IngestConfig.fromEnvironment(Map.of(IngestConfig.SEGMENT_SECONDS, "1"));
        return DecodedSegments.records(file, config, "metrics-video");
    }
}
