package io.cuepoint.api.cli;

import io.cuepoint.api.embedded.TopicSetup;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the cluster roles share: topic creation and an orderly stop on SIGTERM. */
final class Roles {
    private Roles() {
    }

    static Logger log() {
        return LoggerFactory.getLogger("io.cuepoint.role");
    }

    static void ensureTopics(Map<String, String> env, Map<String, Object> kafka) {
        int partitions = Settings.intSetting(env, "CUEPOINT_FRAME_PARTITIONS", 12, 1);
        // The cluster's default.replication.factor decides, so a one-broker test cluster works too.
        TopicSetup.ensureTopics(kafka, partitions, Optional.empty());
    }

    static void closeOnShutdown(AutoCloseable resource) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                resource.close();
            } catch (Exception e) {
                log().warn("Shutdown did not complete cleanly: {}", e.toString());
            }
        }, "cuepoint-shutdown"));
    }
}
