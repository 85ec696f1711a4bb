package io.cuepoint.api;

import io.cuepoint.ingest.testing.TestBroker;
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
}
