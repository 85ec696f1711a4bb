package io.cuepoint.api.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.api.config.KafkaClients;
import io.cuepoint.api.config.KafkaConfig;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** {@code CUEPOINT_KAFKA_<PROPERTY>} reaches every client of a role, and a bad one stops the role at start. */
class KafkaPassthroughTest {
    private static final String BOOTSTRAP = "kafka-0:9092,kafka-1:9092";

    @Test
    void variablesBecomeClientPropertiesNextToTheBootstrapServers() {
        var props = Settings.kafkaClient(Map.of(
                Settings.BOOTSTRAP, BOOTSTRAP,
                "CUEPOINT_KAFKA_SESSION_TIMEOUT_MS", "6000",
                "CUEPOINT_KAFKA_HEARTBEAT_INTERVAL_MS", "1500",
                "CUEPOINT_KAFKA_SECURITY_PROTOCOL", "SSL",
                "CUEPOINT_KAFKA_CLIENT_DNS_LOOKUP", "use_all_dns_ips",
                "CUEPOINT_FRAME_PARTITIONS", "4"));

        assertThat(props).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", BOOTSTRAP,
                "session.timeout.ms", "6000",
                "heartbeat.interval.ms", "1500",
                "security.protocol", "SSL",
                "client.dns.lookup", "use_all_dns_ips"));
        // The Kafka client itself accepts the result (it parses every value again).
        var consumerProps = new java.util.HashMap<>(props);
        consumerProps.put("security.protocol", "PLAINTEXT");
        consumerProps.put("bootstrap.servers", "127.0.0.1:9");
        consumerProps.put("group.id", "passthrough-test");
        try (var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            assertThat(consumer.groupMetadata().groupId()).isEqualTo("passthrough-test");
        }
    }

    @Test
    void anUnknownPropertyNamesTheVariable() {
        assertThatThrownBy(() -> Settings.kafkaClient(Map.of(Settings.BOOTSTRAP, BOOTSTRAP,
                "CUEPOINT_KAFKA_SESSION_TIMEOUT", "6000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("CUEPOINT_KAFKA_SESSION_TIMEOUT names no Kafka client property (session.timeout)");
    }

    @Test
    void aBadValueNamesTheVariable() {
        assertThatThrownBy(() -> Settings.kafkaClient(Map.of(Settings.BOOTSTRAP, BOOTSTRAP,
                "CUEPOINT_KAFKA_SESSION_TIMEOUT_MS", "10s")))
                .hasMessageStartingWith("CUEPOINT_KAFKA_SESSION_TIMEOUT_MS: ")
                .hasMessageContaining("session.timeout.ms");
        assertThatThrownBy(() -> Settings.kafkaClient(Map.of(Settings.BOOTSTRAP, BOOTSTRAP,
                "CUEPOINT_KAFKA_SECURITY_PROTOCOL", "TLS")))
                .hasMessageStartingWith("CUEPOINT_KAFKA_SECURITY_PROTOCOL: ");
    }

    @Test
    void propertiesTheDeliveryGuaranteesDependOnAreRefused() {
        for (var variable : new String[] {"CUEPOINT_KAFKA_ENABLE_AUTO_COMMIT", "CUEPOINT_KAFKA_GROUP_ID",
                "CUEPOINT_KAFKA_ACKS", "CUEPOINT_KAFKA_AUTO_OFFSET_RESET"}) {
            assertThatThrownBy(() -> Settings.kafkaClient(Map.of(Settings.BOOTSTRAP, BOOTSTRAP, variable, "1")))
                    .hasMessageStartingWith(variable + " cannot be set");
        }
    }

    @Test
    void theApiClientsStartFromTheSameProperties() {
        var passthrough = Settings.kafkaPassthrough(Map.of("CUEPOINT_KAFKA_SESSION_TIMEOUT_MS", "6000",
                "CUEPOINT_KAFKA_CLIENT_ID", "api-7"));
        var properties = new java.util.HashMap<String, Object>();
        properties.put("cuepoint.kafka.bootstrap-servers", BOOTSTRAP);
        passthrough.forEach((k, v) -> properties.put(KafkaClients.PASSTHROUGH + "." + k, v));
        // The environment alone: a started context would need a database and API keys.
        try (var context = ApplicationContext.builder().properties(properties).build()) {
            var environment = context.getEnvironment().start();
            var base = new KafkaClients(new KafkaConfig(BOOTSTRAP), environment).base();
            assertThat(base).containsExactlyInAnyOrderEntriesOf(Map.of("bootstrap.servers", BOOTSTRAP,
                    ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "6000", ConsumerConfig.CLIENT_ID_CONFIG, "api-7"));
        }
    }
}
