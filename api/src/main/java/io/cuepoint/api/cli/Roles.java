package io.cuepoint.api.cli;

import io.cuepoint.api.embedded.TopicSetup;
import io.cuepoint.api.embedded.WorkerPool;
import io.cuepoint.api.ops.ConsumerGroups;
import io.cuepoint.api.ops.Management;
import io.cuepoint.api.ops.ManagementConfig;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the cluster roles share: topic creation, management endpoints and an orderly stop on SIGTERM. */
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

    /**
     * Runs {@code count} workers of one role, one thread each, until SIGTERM.
     *
     * @param role        the role's name, for thread names and the start-up log line
     * @param description the resolved configuration, logged once
     */
    static <W extends Runnable & AutoCloseable> int runWorkers(String role, int count, String description,
                                                              Map<String, String> env, Map<String, Object> kafka,
                                                              IntFunction<W> worker) throws InterruptedException {
        try (var management = management(env)) {
            ensureTopics(env, kafka);
            log().info("{} role: {} worker(s), {}", role, count, description);
            try (var pool = new WorkerPool()) {
                for (int i = 0; i < count; i++) {
                    pool.start(role + "-" + i, worker.apply(i));
                }
                management.kafka(kafka, role.equals("ingest") ? ConsumerGroups.INGEST : ConsumerGroups.ANALYZER)
                        .liveness(pool::deadWorkers).ready();
                closeOnShutdown(pool);
                pool.awaitShutdown();
            }
        }
        return 0;
    }

    /** The management endpoints of a role ({@link ManagementConfig}: on port 9400 unless configured). */
    static Management management(Map<String, String> env) {
        return Management.start(ManagementConfig.fromEnvironment(env, true));
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
