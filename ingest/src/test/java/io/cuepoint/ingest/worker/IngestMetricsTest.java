package io.cuepoint.ingest.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cuepoint.ingest.IngestConfig;
import io.cuepoint.ingest.testing.TestBroker;
import io.cuepoint.ingest.testing.TestMedia;
import io.cuepoint.ingest.wire.JobRequest;
import io.cuepoint.ingest.wire.Topics;
import io.cuepoint.ingest.wire.WireJson;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest's meters move with real work: a real clip decoded by the worker against a real broker counts each of
 * its frames and one completed job; a job for a missing file counts one failed job and no frames.
 */
class IngestMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private KafkaClusterTestKit cluster;

    @BeforeEach
    void start() throws Exception {
        Metrics.addRegistry(registry);
        cluster = TestBroker.start();
        try (var admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.JOBS, 1, (short) 1),
                    new NewTopic(Topics.FRAMES, 2, (short) 1), new NewTopic(Topics.PROGRESS, 1, (short) 1))).all().get();
        }
    }

    @AfterEach
    void stop() throws Exception {
        Metrics.removeRegistry(registry);
        cluster.close();
    }

    @Test
    void framesAndJobOutcomesAreCounted(@TempDir Path dir) throws Exception {
        // 40 frames at 10 fps, one cut: a 4 s clip in 1 s segments.
        var clip = TestMedia.generateClipWithCuts(dir.resolve("talk.mp4"), 160, 120, 10, 40, new int[] {15});
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", cluster.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.JOBS, "missing", WireJson.write(
                    JobRequest.of("missing", dir.resolve("nowhere.mp4").toString(), Instant.now()))));
            producer.send(new ProducerRecord<>(Topics.JOBS, "good", WireJson.write(
                    JobRequest.of("good", clip.path().toString(), Instant.now()))));
        }
        var config = new IngestConfig(1000, 4.0, 640, 64, 85, 20, 0, 100);
        var worker = new IngestWorker(config, Map.of("bootstrap.servers", cluster.bootstrapServers()));
        var thread = new Thread(worker, "ingest-metrics");
        thread.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> jobs("completed") == 1);
        } finally {
            worker.close();
            thread.join(30_000);
        }

        assertThat(registry.get(IngestMetrics.FRAMES).counter().count()).isEqualTo(clip.frames());
        assertThat(jobs("failed")).isEqualTo(1);
        assertThat(registry.get(IngestMetrics.JOBS).tag("outcome", "completed").timer().totalTime(
                java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    }

    private long jobs(String outcome) {
        var timer = registry.find(IngestMetrics.JOBS).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }
}
