package io.cuepoint.api.materialize;

import io.cuepoint.analyzer.wire.AnalysisProgress;
import io.cuepoint.api.ApiTestBase;
import io.cuepoint.api.Records;
import io.cuepoint.api.TestKafka;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.VideoRepository;
import io.cuepoint.api.store.VideoStatus;
import io.cuepoint.api.timeline.TimelineService;
import io.cuepoint.ingest.wire.Topics;
import io.cuepoint.ingest.wire.WireJson;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.cuepoint.api.Records.instant;
import static io.cuepoint.api.Records.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Kafka side of the materializer: records on the real topics end up in the database; bad ones are skipped. */
@MicronautTest
class MaterializerKafkaTest extends ApiTestBase {
    @Inject
    TimelineService timelines;
    @Inject
    Database db;
    @Inject
    VideoRepository videos;

    @Override
    protected Map<String, String> extraProperties() {
        String bootstrap = TestKafka.bootstrapServers();
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            var missing = List.of(Topics.EVENTS, Topics.PROGRESS).stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 2, (short) 1)).toList();
            admin.createTopics(missing).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the test topics", e);
        }
        return Map.of("cuepoint.kafka.bootstrap-servers", bootstrap,
                "cuepoint.materializer.enabled", "true",
                "cuepoint.materializer.group-id", "test-" + UUID.randomUUID());
    }

    @Test
    void recordsOnTheTopicsAreMaterializedAndMalformedOnesSkipped() {
        String v = UUID.randomUUID().toString();
        db.inTransaction("test", c -> {
            videos.insert(c, v, "lecture.mp4", "/media/lecture.mp4", Instant.now());
            return null;
        });
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.PROGRESS, v, "{not json".getBytes()));
            producer.send(new ProducerRecord<>(Topics.EVENTS, v, "{\"videoId\": 5, \"events\": 3}".getBytes()));
            producer.send(new ProducerRecord<>(Topics.PROGRESS, v, WireJson.write(Records.started(v))));
            producer.send(new ProducerRecord<>(Topics.PROGRESS, v, WireJson.write(new AnalysisProgress(
                    AnalysisProgress.SCHEMA, v, 0, AnalysisProgress.State.DONE, 750, 1, "1.0.0", null,
                    Instant.now()))));
            producer.send(new ProducerRecord<>(Topics.EVENTS, v,
                    WireJson.write(segment(v, 0, List.of(instant(v, "shot.cut", 1_000, 0.9))))));
            producer.send(new ProducerRecord<>(Topics.PROGRESS, v, WireJson.write(Records.completed(v, 1))));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(timelines.video(v).status()).isEqualTo(VideoStatus.COMPLETED));
        assertThat(timelines.video(v).counts().events()).isEqualTo(1);
    }
}
