package io.cuepoint.api.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Settings shared by the roles, read from environment variables so that a container needs no files.
 *
 * <ul>
 *   <li>{@code CUEPOINT_KAFKA_BOOTSTRAP_SERVERS}: Kafka brokers, {@code host:port[,host:port]}; required
 *       for the cluster roles.</li>
 *   <li>{@code CUEPOINT_DATA_DIR}: where the all-in-one mode keeps its database, broker log, media
 *       and logs; default {@code ~/.cuepoint}.</li>
 *   <li>{@code CUEPOINT_FRAME_PARTITIONS}: partitions of the frames topic when a role creates it, the
 *       most analyzers that can share one video's segments; default 12 (8 in the all-in-one mode).</li>
 * </ul>
 */
final class Settings {
    static final String BOOTSTRAP = "CUEPOINT_KAFKA_BOOTSTRAP_SERVERS";

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
        return kafkaClient(bootstrap);
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
