package io.cuepoint.api.materialize;

import static io.cuepoint.api.Records.instant;
import static io.cuepoint.api.Records.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cuepoint.analyzer.wire.SegmentEvents;
import io.cuepoint.api.ApiTestBase;
import io.cuepoint.api.Records;
import io.cuepoint.api.TestKafka;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.VideoRepository;
import io.cuepoint.api.store.VideoStatus;
import io.cuepoint.api.timeline.TimelineService;
import io.cuepoint.ingest.publish.DeadLetterPublisher;
import io.cuepoint.ingest.testing.DeadLetters;
import io.cuepoint.ingest.wire.DeadLetterHeaders;
import io.cuepoint.ingest.wire.DecodeProgress;
import io.cuepoint.ingest.wire.NewerSchemaException;
import io.cuepoint.ingest.wire.Topics;
import io.cuepoint.ingest.wire.WireFormatException;
import io.cuepoint.ingest.wire.WireJson;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed events and progress records between good ones, on the real broker and PostgreSQL: each goes to the
 * dead letters with its source and reason, the video still completes, and the group's offsets move past a bad
 * record only once its dead letter is written.
 */
@MicronautTest
class MaterializerDeadLetterTest extends ApiTestBase {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    TimelineService timelines;
    @Inject
    Database db;
    @Inject
    VideoRepository videos;

    private final String group = "test-dlq-" + UUID.randomUUID();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Admin admin;

    @Override
    protected Map<String, String> extraProperties() {
        String bootstrap = TestKafka.bootstrapServers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        try {
            Set<String> existing = admin.listTopics().names().get();
            var missing = List.of(Topics.EVENTS, Topics.PROGRESS).stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 2, (short) 1)).toList();
            admin.createTopics(missing).all().get();
            DeadLetters.create(admin);
            // Start the group at the topics' current ends: bad records other test classes left there must
            // not be what a refused dead letter holds up.
            var ends = admin.listOffsets(partitions().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
            admin.alterConsumerGroupOffsets(group, ends.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset()))))
                    .all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the test topics", e);
        }
        Metrics.addRegistry(meters);
        return Map.of("cuepoint.kafka.bootstrap-servers", bootstrap,
                "cuepoint.materializer.enabled", "true",
                "cuepoint.materializer.group-id", group);
    }

    @AfterAll
    void closeAdmin() {
        Metrics.removeRegistry(meters);
        admin.close();
    }

    @Test
    void malformedRecordsAreDeadLetteredAndTheVideoStillCompletes() throws Exception {
        String v = newVideo();
        var newerEvents = (ObjectNode) WireJson.mapper().readTree(WireJson.write(
                segment(v, 1, List.of(instant(v, "shot.cut", 31_000, 0.9)))));
        newerEvents.put("schema", SegmentEvents.SCHEMA + 1);
        var newerProgress = (ObjectNode) WireJson.mapper().readTree(WireJson.write(Records.failed(v, "from the future")));
        newerProgress.put("schema", DecodeProgress.SCHEMA + 1);
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        byte[] wrongShape = "{\"videoId\": 5, \"events\": 3}".getBytes(StandardCharsets.UTF_8);
        byte[] newerEventsBytes = WireJson.mapper().writeValueAsBytes(newerEvents);
        byte[] newerProgressBytes = WireJson.mapper().writeValueAsBytes(newerProgress);

        double eventsBefore = deadLetters(Topics.EVENTS);
        double progressBefore = deadLetters(Topics.PROGRESS);
        var bad = new HashMap<String, byte[]>();
        RecordMetadata last;
        try (var producer = producer()) {
            send(producer, Topics.PROGRESS, v, WireJson.write(Records.started(v)));
            put(bad, send(producer, Topics.PROGRESS, v, garbage), garbage);
            put(bad, send(producer, Topics.EVENTS, v, wrongShape), wrongShape);
            put(bad, send(producer, Topics.EVENTS, v, newerEventsBytes), newerEventsBytes);
            // Applied, this would fail the video: it must be set aside instead.
            put(bad, send(producer, Topics.PROGRESS, v, newerProgressBytes), newerProgressBytes);
            send(producer, Topics.EVENTS, v, WireJson.write(segment(v, 0, List.of(instant(v, "shot.cut", 1_000, 0.9)))));
            last = send(producer, Topics.PROGRESS, v, WireJson.write(Records.completed(v, 1)));
        }

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(timelines.video(v).status()).isEqualTo(VideoStatus.COMPLETED));
        assertThat(timelines.video(v).counts().events()).isEqualTo(1);
        var progressPartition = new TopicPartition(Topics.PROGRESS, last.partition());
        await().atMost(PATIENCE).until(() -> committed(progressPartition) == last.offset() + 1);

        var letters = DeadLetters.withKey(TestKafka.bootstrapServers(), v);
        assertThat(letters).extracting(DeadLetters::source).containsExactlyInAnyOrderElementsOf(bad.keySet());
        assertThat(letters).allSatisfy(r -> {
            assertThat(r.value()).isEqualTo(bad.get(DeadLetters.source(r)));
            assertThat(DeadLetters.header(r, DeadLetterHeaders.GROUP)).isEqualTo(group);
        });
        var reasons = letters.stream().collect(Collectors.toMap(r -> new String(r.value(), StandardCharsets.UTF_8),
                r -> DeadLetters.header(r, DeadLetterHeaders.REASON) + " / "
                        + DeadLetters.header(r, DeadLetterHeaders.EXCEPTION)));
        assertThat(reasons.get("{not json")).startsWith("unreadable cuepoint.progress.v1 record: progress record is not JSON")
                .endsWith(" / " + WireFormatException.class.getName());
        assertThat(reasons.get(new String(wrongShape, StandardCharsets.UTF_8)))
                .startsWith("unreadable cuepoint.events.v1 record: not a valid SegmentEvents: ");
        assertThat(reasons.get(new String(newerEventsBytes, StandardCharsets.UTF_8)))
                .contains("SegmentEvents has schema version 2, newer than version 1")
                .endsWith(" / " + NewerSchemaException.class.getName());
        assertThat(reasons.get(new String(newerProgressBytes, StandardCharsets.UTF_8)))
                .contains("DecodeProgress has schema version 2, newer than version 1");
        assertThat(deadLetters(Topics.EVENTS) - eventsBefore).isEqualTo(2.0);
        assertThat(deadLetters(Topics.PROGRESS) - progressBefore).isEqualTo(2.0);
    }

    @Test
    void aRefusedDeadLetterHoldsTheOffsetAndNothingIsLost() throws Exception {
        String v = newVideo();
        byte[] garbage = "neither json nor progress".getBytes(StandardCharsets.UTF_8);
        double failuresBefore = meters.counter(DeadLetterPublisher.FAILURES, "topic", Topics.PROGRESS).count();
        RecordMetadata bad;
        RecordMetadata last;
        DeadLetters.limit(admin, 64);
        try {
            try (var producer = producer()) {
                send(producer, Topics.PROGRESS, v, WireJson.write(Records.started(v)));
                bad = send(producer, Topics.PROGRESS, v, garbage);
                send(producer, Topics.EVENTS, v, WireJson.write(segment(v, 0, List.of(instant(v, "shot.cut", 1_000, 0.9)))));
                last = send(producer, Topics.PROGRESS, v, WireJson.write(Records.completed(v, 1)));
            }
            var partition = new TopicPartition(Topics.PROGRESS, bad.partition());
            // Two refusals: the materializer went back to the record and was refused again.
            await().atMost(PATIENCE).until(() ->
                    meters.counter(DeadLetterPublisher.FAILURES, "topic", Topics.PROGRESS).count() >= failuresBefore + 2);
            assertThat(committed(partition)).isLessThanOrEqualTo(bad.offset());
            assertThat(timelines.video(v).status()).isNotEqualTo(VideoStatus.COMPLETED);
            assertThat(DeadLetters.withKey(TestKafka.bootstrapServers(), v)).isEmpty();

            DeadLetters.limit(admin, DeadLetters.MAX_MESSAGE_BYTES);
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(timelines.video(v).status()).isEqualTo(VideoStatus.COMPLETED));
            await().atMost(PATIENCE).until(() -> committed(partition) == last.offset() + 1);
        } finally {
            DeadLetters.limit(admin, DeadLetters.MAX_MESSAGE_BYTES);
        }
        assertThat(timelines.video(v).counts().events()).isEqualTo(1);
        assertThat(DeadLetters.withKey(TestKafka.bootstrapServers(), v)).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo(garbage);
            assertThat(DeadLetters.source(r)).isEqualTo(Topics.PROGRESS + "-" + bad.partition() + "@" + bad.offset());
        });
    }

    private double deadLetters(String topic) {
        return meters.counter(DeadLetterPublisher.COUNTER, "topic", topic).count();
    }

    private String newVideo() {
        String v = UUID.randomUUID().toString();
        db.inTransaction("test", c -> {
            videos.insert(c, v, "lecture.mp4", "/media/lecture.mp4", Instant.now());
            return null;
        });
        return v;
    }

    private List<TopicPartition> partitions() throws Exception {
        var described = admin.describeTopics(List.of(Topics.EVENTS, Topics.PROGRESS)).allTopicNames().get();
        return described.values().stream().flatMap(d -> d.partitions().stream()
                .map(p -> new TopicPartition(d.name(), p.partition()))).toList();
    }

    private long committed(TopicPartition partition) throws Exception {
        var offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().get(partition);
        return offset == null ? -1 : offset.offset();
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static RecordMetadata send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value)
            throws Exception {
        return producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    private static void put(Map<String, byte[]> bad, RecordMetadata sent, byte[] value) {
        bad.put(sent.topic() + "-" + sent.partition() + "@" + sent.offset(), value);
    }
}
