package io.cuepoint.api;

import io.cuepoint.ingest.testing.TestBroker;
import io.cuepoint.ingest.wire.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;


/** One real KRaft broker for the test JVM, started on first use. */
public final class TestKafka {
    private static KafkaClusterTestKit cluster;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            try {
                var kit = TestBroker.start();
                cluster = kit;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        kit.close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test Kafka broker", e);
            }
        }
        return cluster.bootstrapServers();
    }

    /** A consumer of the jobs topic from its beginning; the topic is created first if it does not exist yet. */
    public static KafkaConsumer<String, byte[]> jobsConsumer() throws Exception {
        // Created up front: a consumer subscribed to a topic that does not exist yet would notice it only after
        // its next metadata refresh, minutes later.
        try (var admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(Topics.JOBS)) {
                admin.createTopics(java.util.List.of(new NewTopic(Topics.JOBS, 1, (short) 1))).all().get();
            }
        }
        var consumer = new KafkaConsumer<>(java.util.Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        // Assigned, not subscribed: no consumer group needed to read the one partition.
        var partition = new TopicPartition(Topics.JOBS, 0);
        consumer.assign(java.util.List.of(partition));
        consumer.seekToBeginning(java.util.List.of(partition));
        return consumer;
    }
}
