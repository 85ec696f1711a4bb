package io.cuepoint.api;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.util.Map;

/** One real KRaft broker for the test JVM, started on first use. */
public final class TestKafka {
    private static KafkaClusterTestKit cluster;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            try {
                var kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                        // One broker: the internal topics cannot have the default three replicas.
                        .setPerServerProperties(Map.of(0, Map.of(
                                "offsets.topic.replication.factor", "1",
                                "offsets.topic.num.partitions", "1",
                                "transaction.state.log.replication.factor", "1",
                                "transaction.state.log.min.isr", "1",
                                "group.initial.rebalance.delay.ms", "0")))
                        .build()).build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
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
}
