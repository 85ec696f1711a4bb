package io.cuepoint.analyzer.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.detect.SyntheticVideo;
import io.cuepoint.analyzer.wire.SegmentEvents;
import io.cuepoint.ingest.publish.DeadLetterPublisher;
import io.cuepoint.ingest.testing.DeadLetters;
import io.cuepoint.ingest.wire.DeadLetterHeaders;
import io.cuepoint.ingest.wire.NewerSchemaException;
import io.cuepoint.ingest.wire.SegmentRecord;
import io.cuepoint.ingest.wire.Topics;
import io.cuepoint.ingest.wire.WireFormatException;
import io.cuepoint.ingest.wire.WireJson;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unreadable frames records in the middle of a segment, against a real broker: each goes to the dead letters
 * with its source and reason, the segment around them is still analysed, and the offsets move past them only
 * once their dead letters are written.
 */
class AnalyzerDeadLetterTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private KafkaTestCluster kafka;
    private AnalyzerWorker worker;

    @BeforeEach
    void start() throws Exception {
        Metrics.addRegistry(meters);
        kafka = new KafkaTestCluster();
        DeadLetters.create(kafka.admin);
    }

    @AfterEach
    void stop() throws Exception {
        Metrics.removeRegistry(meters);
        if (worker != null) {
            worker.close();
        }
        kafka.close();
    }

    @Test
    void unreadableRecordsAreDeadLetteredAndTheSegmentAroundThemIsAnalysed() throws Exception {
        var video = new SyntheticVideo("vid-d", 50, 50, Set.of(30), Set.of(), 6);
        var records = video.records(0);
        String key = records.get(0).key();
        var newer = (ObjectNode) WireJson.mapper().readTree(WireJson.write(records.get(5)));
        newer.put("schema", SegmentRecord.SCHEMA + 1);
        List<byte[]> bad = List.of(
                "\u0000{garbage".getBytes(StandardCharsets.UTF_8),
                "[\"not\", \"a\", \"record\"]".getBytes(StandardCharsets.UTF_8),
                "{\"kind\":\"frame\",\"schema\":1,\"segment\":0,\"frame\":7}".getBytes(StandardCharsets.UTF_8),
                WireJson.mapper().writeValueAsBytes(newer));

        records.subList(0, 20).forEach(kafka::publish);
        kafka.flush();
        var sent = bad.stream().map(value -> send(key, value)).toList();
        records.subList(20, records.size()).forEach(kafka::publish);
        kafka.flush();
        var end = kafka.frameEndOffsets();

        startWorker();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.committedOffsets()).isEqualTo(end));

        // Every good record of the segment was used: all 50 frames analysed, the cut found.
        var events = segmentEvents("vid-d");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.frames()).isEqualTo(50);
            assertThat(e.events()).anyMatch(ev -> ev.type().equals("shot.cut") && ev.startFrame() == 30);
        });

        var letters = DeadLetters.withKey(kafka.clientProperties().get("bootstrap.servers").toString(), key);
        assertThat(letters).extracting(r -> r.value()).containsExactlyElementsOf(bad);
        assertThat(letters).extracting(DeadLetters::source).containsExactlyElementsOf(sent.stream()
                .map(m -> Topics.FRAMES + "-" + m.partition() + "@" + m.offset()).toList());
        assertThat(letters).allSatisfy(r ->
                assertThat(DeadLetters.header(r, DeadLetterHeaders.GROUP)).isEqualTo(AnalyzerClients.GROUP_ID));
        assertThat(letters).extracting(r -> DeadLetters.header(r, DeadLetterHeaders.REASON)).satisfiesExactly(
                r -> assertThat(r).startsWith("unreadable frames record: not a valid SegmentRecord: "),
                r -> assertThat(r).startsWith("unreadable frames record: not a valid SegmentRecord: "),
                r -> assertThat(r).isEqualTo("unreadable frames record: FrameRecord without a videoId or with a "
                        + "negative segment"),
                r -> assertThat(r).contains("SegmentRecord has schema version 2, newer than version 1"));
        assertThat(letters).extracting(r -> DeadLetters.header(r, DeadLetterHeaders.EXCEPTION)).containsExactly(
                WireFormatException.class.getName(), WireFormatException.class.getName(),
                WireFormatException.class.getName(), NewerSchemaException.class.getName());
        assertThat(meters.counter(DeadLetterPublisher.COUNTER, "topic", Topics.FRAMES).count()).isEqualTo(4.0);
        assertThat(worker.isRunning()).isTrue();
    }

    @Test
    void aRefusedDeadLetterHoldsTheOffsetUntilTheTopicTakesIt() throws Exception {
        var video = new SyntheticVideo("vid-r", 50, 50, Set.of(30), Set.of(), 6);
        var records = video.records(0);
        String key = records.get(0).key();
        byte[] bad = "not a frame".getBytes(StandardCharsets.UTF_8);
        DeadLetters.limit(kafka.admin, 64);

        records.subList(0, 20).forEach(kafka::publish);
        kafka.flush();
        var sent = send(key, bad);
        records.subList(20, records.size()).forEach(kafka::publish);
        kafka.flush();
        var end = kafka.frameEndOffsets();
        var partition = new TopicPartition(Topics.FRAMES, sent.partition());
        String bootstrap = kafka.clientProperties().get("bootstrap.servers").toString();

        startWorker();
        // Two refusals: the worker went back, read the record again and was refused again.
        await().atMost(PATIENCE).until(() ->
                meters.counter(DeadLetterPublisher.FAILURES, "topic", Topics.FRAMES).count() >= 2);
        assertThat(kafka.committedOffsets().getOrDefault(partition, 0L)).isLessThanOrEqualTo(sent.offset());
        assertThat(segmentEvents("vid-r")).isEmpty();
        assertThat(DeadLetters.withKey(bootstrap, key)).isEmpty();
        assertThat(worker.isRunning()).isTrue();

        DeadLetters.limit(kafka.admin, DeadLetters.MAX_MESSAGE_BYTES);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.committedOffsets()).isEqualTo(end));
        assertThat(DeadLetters.withKey(bootstrap, key)).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo(bad);
            assertThat(DeadLetters.source(r)).isEqualTo(Topics.FRAMES + "-" + sent.partition() + "@" + sent.offset());
        });
        assertThat(segmentEvents("vid-r")).singleElement().satisfies(e -> assertThat(e.frames()).isEqualTo(50));
        assertThat(meters.counter(DeadLetterPublisher.COUNTER, "topic", Topics.FRAMES).count()).isEqualTo(1.0);
    }

    private void startWorker() {
        worker = new AnalyzerWorker(AnalyzerConfig.defaults(), kafka.clientProperties());
        new Thread(worker, "analyzer-dlq").start();
    }

    /** Sends one raw record and waits for it, so that it lands between the good records around it. */
    private RecordMetadata send(String key, byte[] value) {
        try (var producer = new KafkaProducer<>(kafka.clientProperties(), new StringSerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(Topics.FRAMES, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<SegmentEvents> segmentEvents(String videoId) {
        return kafka.readAll(Topics.EVENTS).stream().map(r -> WireJson.read(r.value(), SegmentEvents.class))
                .filter(e -> e.videoId().equals(videoId)).toList();
    }
}
