package io.cuepoint.analyzer.consume;

import io.cuepoint.ingest.testing.TestBroker;
import io.cuepoint.ingest.wire.SegmentRecord;
import io.cuepoint.ingest.wire.Topics;
import io.cuepoint.ingest.wire.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;

/** A real single-node KRaft broker in this JVM with the pipeline's topics, plus the clients tests need. */
final class KafkaTestCluster implements AutoCloseable {
    static final int FRAME_PARTITIONS = 4;

    private final KafkaClusterTestKit cluster;
    final Admin admin;
    private final KafkaProducer<String, byte[]> producer;

    KafkaTestCluster() throws Exception {
        cluster = TestBroker.start();
        admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()));
        admin.createTopics(List.of(new NewTopic(Topics.FRAMES, FRAME_PARTITIONS, (short) 1),
                new NewTopic(Topics.EVENTS, 1, (short) 1), new NewTopic(Topics.PROGRESS, 1, (short) 1))).all().get();
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", cluster.bootstrapServers(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    Map<String, Object> clientProperties() {
        return Map.of("bootstrap.servers", cluster.bootstrapServers());
    }

    void publish(SegmentRecord record) {
        publish(record.key(), WireJson.write(record));
    }

    void publish(String key, byte[] value) {
        producer.send(new ProducerRecord<>(Topics.FRAMES, key, value));
    }

    void flush() {
        producer.flush();
    }

    /** The frames topic's end offsets, of the partitions that have records (others get no commit). */
    Map<TopicPartition, Long> frameEndOffsets() throws ExecutionException, InterruptedException {
        var request = new java.util.HashMap<TopicPartition, OffsetSpec>();
        for (int p = 0; p < FRAME_PARTITIONS; p++) {
            request.put(new TopicPartition(Topics.FRAMES, p), OffsetSpec.latest());
        }
        return admin.listOffsets(request).all().get().entrySet().stream()
                .filter(e -> e.getValue().offset() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** The analyzer group's committed offsets on the frames topic. */
    Map<TopicPartition, Long> committedOffsets() throws ExecutionException, InterruptedException {
        return admin.listConsumerGroupOffsets(AnalyzerClients.GROUP_ID).partitionsToOffsetAndMetadata().get()
                .entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Every record on {@code topic} from the beginning up to its current end. */
    List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", cluster.bootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            var partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            var records = new ArrayList<ConsumerRecord<String, byte[]>>();
            while (consumer.position(partition) < end) {
                consumer.poll(java.time.Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    @Override
    public void close() throws Exception {
        producer.close();
        admin.close();
        cluster.close();
    }
}
