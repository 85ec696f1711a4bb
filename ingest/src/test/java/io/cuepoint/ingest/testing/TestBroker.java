package io.cuepoint.ingest.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real one-node Kafka cluster (combined broker and KRaft controller) in the test JVM, for the
 * tests of every module. Close it when done.
 */
public final class TestBroker {
    private TestBroker() {
    }

    /** Formats, starts and waits for a one-node cluster; its address is {@code bootstrapServers()}. */
    public static KafkaClusterTestKit start() throws Exception {
        var cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                // One broker: internal topics must not ask for the default three replicas.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                // Tests start their consumers at once and rebalance on purpose: do not wait for more members.
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return cluster;
    }
}
