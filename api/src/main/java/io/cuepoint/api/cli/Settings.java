package io.cuepoint.api.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings shared by the roles, read from environment variables so that a container needs no files.
 *
 * <ul>
 *   <li>{@code CUEPOINT_KAFKA_BOOTSTRAP_SERVERS}: Kafka brokers, {@code host:port[,host:port]}; required
 *       for the cluster roles.</li>
 *   <li>{@code CUEPOINT_KAFKA_<PROPERTY>}: any other Kafka client property for every client of the role
 *       (consumers, producers, admin), named in upper case with {@code _} for {@code .}:
 *       {@code CUEPOINT_KAFKA_SESSION_TIMEOUT_MS=10000} sets {@code session.timeout.ms} (milliseconds; Kafka's
 *       default 45000 is how long a killed worker's partitions wait before another worker takes them),
 *       {@code CUEPOINT_KAFKA_SECURITY_PROTOCOL=SSL} sets {@code security.protocol}. No default: unset
 *       properties keep Kafka's defaults. A name that is no Kafka client property, a value Kafka would
 *       refuse, or a property Cuepoint sets itself because delivery depends on it ({@link #MANAGED}) stops
 *       the role at start, naming the variable.</li>
 *   <li>{@code CUEPOINT_DATA_DIR}: where the all-in-one mode keeps its database, broker log, media
 *       and logs; default {@code ~/.cuepoint}.</li>
 *   <li>{@code CUEPOINT_FRAME_PARTITIONS}: partitions of the frames topic when a role creates it, the
 *       most analyzers that can share one video's segments; default 12 (8 in the all-in-one mode).</li>
 * </ul>
 */
final class Settings {
    static final String BOOTSTRAP = "CUEPOINT_KAFKA_BOOTSTRAP_SERVERS";
    static final String KAFKA_PREFIX = "CUEPOINT_KAFKA_";
    /**
     * Client properties the roles set themselves, because at-least-once delivery, the consumer groups or
     * the wire format depend on them; an operator's value would be silently overwritten, so it is refused.
     */
    static final Set<String> MANAGED = Set.of("group.id", "group.instance.id", "enable.auto.commit",
            "auto.offset.reset", "isolation.level", "acks", "enable.idempotence", "transactional.id",
            "key.serializer", "value.serializer", "key.deserializer", "value.deserializer");

    private Settings() {
    }

    static Path dataDir(Map<String, String> env) {
        String dir = env.get("CUEPOINT_DATA_DIR");
        return dir == null || dir.isBlank() ? Path.of(System.getProperty("user.home"), ".cuepoint")
                : Path.of(dir);
    }

    static Map<String, Object> kafkaClient(Map<String, String> env) {
        String bootstrap = env.get(BOOTSTRAP);
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException(BOOTSTRAP + " is not set: name the Kafka brokers, e.g. "
                    + BOOTSTRAP + "=kafka-0:9092,kafka-1:9092");
        }
        var props = kafkaClient(bootstrap);
        props.putAll(kafkaPassthrough(env));
        return props;
    }

    /**
     * The {@code CUEPOINT_KAFKA_<PROPERTY>} variables other than the bootstrap servers, as client properties
     * with their values checked the way the Kafka client will check them.
     *
     * @throws IllegalArgumentException naming the variable, for an unknown or managed property or a bad value
     */
    static Map<String, Object> kafkaPassthrough(Map<String, String> env) {
        var props = new TreeMap<String, Object>();
        env.forEach((variable, value) -> {
            if (!variable.startsWith(KAFKA_PREFIX) || variable.equals(BOOTSTRAP)) {
                return;
            }
            // Every Kafka client property is lower case with dots (no '_' or '-'), so the mapping is one to one.
            String property = variable.substring(KAFKA_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
            var key = ClientProperties.KEYS.get(property);
            if (key == null) {
                throw new IllegalArgumentException(variable + " names no Kafka client property (" + property
                        + "); see https://kafka.apache.org/documentation/#consumerconfigs and #producerconfigs");
            }
            if (MANAGED.contains(property)) {
                throw new IllegalArgumentException(variable + " cannot be set: Cuepoint sets " + property
                        + " itself, its delivery guarantees depend on it");
            }
            try {
                Object parsed = ConfigDef.parseType(property, value, key.type);
                if (key.validator != null) {
                    key.validator.ensureValid(property, parsed);
                }
            } catch (ConfigException e) {
                throw new IllegalArgumentException(variable + ": " + e.getMessage(), e);
            }
            // Handed on as text: every client parses it again with its own definition.
            props.put(property, value);
        });
        return props;
    }

    /**
     * Kafka's client property definitions, loaded on first use: loading them creates Kafka's loggers, and the
     * command line reads {@link #dataDir} before it has configured logging (a logger created earlier would
     * fix the console level and log file too soon).
     */
    private static final class ClientProperties {
        static final Map<String, ConfigDef.ConfigKey> KEYS = load();

        private static Map<String, ConfigDef.ConfigKey> load() {
            var keys = new HashMap<String, ConfigDef.ConfigKey>();
            keys.putAll(AdminClientConfig.configDef().configKeys());
            keys.putAll(ProducerConfig.configDef().configKeys());
            keys.putAll(ConsumerConfig.configDef().configKeys());
            return Map.copyOf(keys);
        }
    }

    static Map<String, Object> kafkaClient(String bootstrap) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrap);
        return props;
    }

    static int intSetting(Map<String, String> env, String key, int defaultValue, int min) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min) {
                throw new IllegalArgumentException(key + " must be at least " + min + ", got " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'");
        }
    }
}
