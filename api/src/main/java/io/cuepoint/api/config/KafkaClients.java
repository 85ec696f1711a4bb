package io.cuepoint.api.config;

import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * The connection settings every Kafka client of the api starts from: {@link KafkaConfig#bootstrapServers()}
 * plus the operator's client properties under {@value #PASSTHROUGH} (flat, e.g.
 * {@code cuepoint.kafka.passthrough.session.timeout.ms}). The api role fills them from the
 * {@code CUEPOINT_KAFKA_<PROPERTY>} variables after checking them (see the cli's Settings); each client adds
 * its own settings on top.
 */
@Singleton
public final class KafkaClients {
    public static final String PASSTHROUGH = "cuepoint.kafka.passthrough";

    private final Map<String, Object> base;

    public KafkaClients(KafkaConfig kafka, Environment environment) {
        var props = new HashMap<String, Object>(environment.getProperties(PASSTHROUGH, StringConvention.RAW));
        props.put("bootstrap.servers", kafka.bootstrapServers());
        this.base = Map.copyOf(props);
    }

    /** A fresh modifiable copy, for a client to add its own settings to. */
    public Map<String, Object> base() {
        return new HashMap<>(base);
    }
}
