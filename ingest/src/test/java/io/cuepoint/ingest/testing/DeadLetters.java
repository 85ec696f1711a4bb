package io.cuepoint.ingest.testing;

import io.cuepoint.ingest.wire.DeadLetterHeaders;
import io.cuepoint.ingest.wire.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The dead-letter topic of a test broker: created as the api's TopicSetup does, read back, made to refuse. */
public final class DeadLetters {
    /** What TopicSetup allows; tests lower it to make the broker refuse dead letters. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private DeadLetters() {
    }

    /** Creates the one-partition topic unless it exists. */
    public static void create(Admin admin) throws ExecutionException, InterruptedException {
        try {
            admin.createTopics(List.of(new NewTopic(Topics.DEAD_LETTERS, 1, (short) 1)
                    .configs(Map.of("max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES))))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Sets the topic's max.message.bytes: a few bytes make the broker refuse every dead letter. */
    public static void limit(Admin admin, int maxMessageBytes) throws ExecutionException, InterruptedException {
        var topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DEAD_LETTERS);
        admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                new ConfigEntry("max.message.bytes", Integer.toString(maxMessageBytes)), AlterConfigOp.OpType.SET))))
                .all().get();
    }

    /** Every dead letter from the beginning to the topic's current end, keys and values as bytes. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrapServers) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partition = new TopicPartition(Topics.DEAD_LETTERS, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            var records = new ArrayList<ConsumerRecord<byte[], byte[]>>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The dead letters whose key is {@code key}. */
    public static List<ConsumerRecord<byte[], byte[]>> withKey(String bootstrapServers, String key) {
        var bytes = key.getBytes(StandardCharsets.UTF_8);
        return readAll(bootstrapServers).stream().filter(r -> java.util.Arrays.equals(r.key(), bytes)).toList();
    }

    /** One header as a string, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The source topic-partition@offset the dead letter names. */
    public static String source(ConsumerRecord<?, ?> record) {
        return header(record, DeadLetterHeaders.TOPIC) + "-" + header(record, DeadLetterHeaders.PARTITION) + "@"
                + header(record, DeadLetterHeaders.OFFSET);
    }
}
