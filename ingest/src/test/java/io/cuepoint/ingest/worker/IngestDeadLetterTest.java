package io.cuepoint.ingest.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cuepoint.ingest.IngestConfig;
import io.cuepoint.ingest.publish.DeadLetterPublisher;
import io.cuepoint.ingest.testing.DeadLetters;
import io.cuepoint.ingest.testing.TestBroker;
import io.cuepoint.ingest.testing.TestMedia;
import io.cuepoint.ingest.wire.DeadLetterHeaders;
import io.cuepoint.ingest.wire.DecodeProgress;
import io.cuepoint.ingest.wire.JobRequest;
import io.cuepoint.ingest.wire.NewerSchemaException;
import io.cuepoint.ingest.wire.Topics;
import io.cuepoint.ingest.wire.WireFormatException;
import io.cuepoint.ingest.wire.WireJson;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unreadable jobs against a real broker: each is copied to the dead letters with its source and reason, the
 * job after it still runs, and the group's offset moves past it only once the dead letter is written.
 */
class IngestDeadLetterTest {
    private static final TopicPartition JOBS = new TopicPartition(Topics.JOBS, 0);
    private static final IngestConfig CONFIG = new IngestConfig(1000, 4.0, 640, 64, 85, 20, 0, 100);

    private static KafkaClusterTestKit cluster;
    private static Admin admin;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private IngestWorker worker;
    private Thread thread;

    @BeforeAll
    static void startBroker() throws Exception {
        cluster = TestBroker.start();
        admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()));
        admin.createTopics(List.of(new NewTopic(Topics.JOBS, 1, (short) 1),
                new NewTopic(Topics.FRAMES, 1, (short) 1), new NewTopic(Topics.PROGRESS, 1, (short) 1))).all().get();
        DeadLetters.create(admin);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void addMeters() {
        Metrics.addRegistry(meters);
    }

    @AfterEach
    void stopWorker() throws Exception {
        Metrics.removeRegistry(meters);
        if (worker != null) {
            worker.close();
            thread.join(30_000);
        }
    }

    @Test
    void garbageWrongShapeAndNewerSchemaAreDeadLetteredAndTheNextJobCompletes(@TempDir Path dir) throws Exception {
        var clip = TestMedia.generateClipWithCuts(dir.resolve("after.mp4"), 160, 120, 10, 15, new int[]{});
        byte[] garbage = {(byte) 0xff, 0x00, '{', 'n', 'o', 't', ' ', 'j', 's', 'o', 'n'};
        byte[] wrongShape = "{\"schema\":1,\"video\":\"shape-2\",\"path\":\"/media/x.mp4\"}".getBytes(StandardCharsets.UTF_8);
        byte[] newer = ("{\"schema\":2,\"videoId\":\"newer-3\",\"media\":{\"uri\":\"s3://bucket/x.mp4\"}}")
                .getBytes(StandardCharsets.UTF_8);
        long garbageAt = send("garbage-1", garbage);
        long shapeAt = send("shape-2", wrongShape);
        long newerAt = send("newer-3", newer);
        long goodAt = send("good-4", WireJson.write(JobRequest.of("good-4", clip.path().toString(), Instant.now())));

        startWorker();
        await().atMost(Duration.ofSeconds(60)).until(() -> committed() == goodAt + 1);

        // The job after the bad ones ran to the end.
        var good = progress("good-4");
        assertThat(good).extracting(DecodeProgress::state).contains(DecodeProgress.State.COMPLETED);
        // A bad job whose key names a video still tells that video's owner it failed.
        assertThat(progress("garbage-1")).singleElement()
                .satisfies(p -> assertThat(p.state()).isEqualTo(DecodeProgress.State.FAILED));

        var keys = List.of("garbage-1", "shape-2", "newer-3", "good-4");
        var letters = DeadLetters.readAll(cluster.bootstrapServers()).stream()
                .filter(r -> keys.contains(new String(r.key(), StandardCharsets.UTF_8))).toList();
        assertThat(letters).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactly("garbage-1", "shape-2", "newer-3");
        assertThat(letters).extracting(r -> r.value()).containsExactly(garbage, wrongShape, newer);
        assertThat(letters).extracting(DeadLetters::source).containsExactly(
                Topics.JOBS + "-0@" + garbageAt, Topics.JOBS + "-0@" + shapeAt, Topics.JOBS + "-0@" + newerAt);
        assertThat(letters).allSatisfy(r -> {
            assertThat(DeadLetters.header(r, DeadLetterHeaders.GROUP)).isEqualTo(IngestWorker.GROUP);
            assertThat(Instant.parse(DeadLetters.header(r, DeadLetterHeaders.AT)))
                    .isBetween(Instant.now().minusSeconds(120), Instant.now());
        });
        assertThat(DeadLetters.header(letters.get(0), DeadLetterHeaders.REASON))
                .startsWith("unreadable job request: not a valid JobRequest: ").doesNotContain("\n");
        assertThat(DeadLetters.header(letters.get(0), DeadLetterHeaders.EXCEPTION))
                .isEqualTo(WireFormatException.class.getName());
        assertThat(DeadLetters.header(letters.get(1), DeadLetterHeaders.REASON))
                .startsWith("unreadable job request: not a valid JobRequest: ").contains("videoId");
        assertThat(DeadLetters.header(letters.get(2), DeadLetterHeaders.REASON))
                .contains("JobRequest has schema version 2, newer than version 1");
        assertThat(DeadLetters.header(letters.get(2), DeadLetterHeaders.EXCEPTION))
                .isEqualTo(NewerSchemaException.class.getName());
        assertThat(meters.counter(DeadLetterPublisher.COUNTER, "topic", Topics.JOBS).count()).isEqualTo(3.0);
    }

    @Test
    void aDeadLetterTheBrokerRefusesKeepsTheJobUncommittedUntilItIsWritten(@TempDir Path dir) throws Exception {
        var clip = TestMedia.generateClipWithCuts(dir.resolve("blocked.mp4"), 160, 120, 10, 15, new int[]{});
        int lettersBefore = DeadLetters.readAll(cluster.bootstrapServers()).size();
        DeadLetters.limit(admin, 64);
        try {
            long badAt = send("refused-5", "not a job".getBytes(StandardCharsets.UTF_8));
            long goodAt = send("blocked-6", WireJson.write(JobRequest.of("blocked-6", clip.path().toString(),
                    Instant.now())));
            startWorker();

            // FAILED is reported before the dead letter is tried: a second one proves the job was served
            // again after the refused write, and nothing behind it ran meanwhile.
            await().atMost(Duration.ofSeconds(60)).until(() -> progress("refused-5").size() >= 2);
            assertThat(committed()).isLessThanOrEqualTo(badAt);
            assertThat(progress("blocked-6")).isEmpty();
            assertThat(DeadLetters.readAll(cluster.bootstrapServers())).hasSize(lettersBefore);

            // Once the topic takes it, the dead letter is written once and the queue moves on.
            DeadLetters.limit(admin, DeadLetters.MAX_MESSAGE_BYTES);
            await().atMost(Duration.ofSeconds(60)).until(() -> committed() == goodAt + 1);
        } finally {
            DeadLetters.limit(admin, DeadLetters.MAX_MESSAGE_BYTES);
        }
        var letters = DeadLetters.withKey(cluster.bootstrapServers(), "refused-5");
        assertThat(letters).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo("not a job".getBytes(StandardCharsets.UTF_8));
            assertThat(DeadLetters.header(r, DeadLetterHeaders.REASON)).startsWith("unreadable job request: ");
        });
        assertThat(progress("blocked-6")).extracting(DecodeProgress::state).contains(DecodeProgress.State.COMPLETED);
        assertThat(meters.counter(DeadLetterPublisher.COUNTER, "topic", Topics.JOBS).count()).isEqualTo(1.0);
    }

    private void startWorker() {
        worker = new IngestWorker(CONFIG, Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
        thread = new Thread(worker, "ingest-worker-dlq");
        thread.start();
    }

    /** Sends one job record and returns its offset. */
    private static long send(String key, byte[] value) throws Exception {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            return producer.send(new ProducerRecord<>(Topics.JOBS, key, value)).get().offset();
        }
    }

    private static long committed() throws Exception {
        var offsets = admin.listConsumerGroupOffsets(IngestWorker.GROUP).partitionsToOffsetAndMetadata().get();
        var offset = offsets.get(JOBS);
        return offset == null ? -1 : offset.offset();
    }

    /** The decode progress of one video, in order. */
    private static List<DecodeProgress> progress(String videoId) throws Exception {
        var partition = new TopicPartition(Topics.PROGRESS, 0);
        long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
        var result = new ArrayList<DecodeProgress>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", cluster.bootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            while (consumer.position(partition) < end) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    if (videoId.equals(r.key())) {
                        result.add(WireJson.read(r.value(), DecodeProgress.class));
                    }
                }
            }
        }
        return result;
    }
}
