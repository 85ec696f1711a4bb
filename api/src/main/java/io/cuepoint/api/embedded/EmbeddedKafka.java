package io.cuepoint.api.embedded;

import io.cuepoint.api.ApiException;
import io.micronaut.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster (one process acting as broker and KRaft controller) running
 * inside this JVM on loopback, with its log under the data directory so that queued jobs and
 * unconsumed frames survive a restart.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats the log directory on first use, then starts the node.
     *
     * @param logDir where the broker keeps its log and metadata
     * @param port   the client port, or 0 for any free port
     */
    public static EmbeddedKafka start(Path logDir, int port) {
        try {
            Files.createDirectories(logDir);
            int clientPort = port == 0 ? freePort() : port;
            // The controller port may change between runs: with a static voter set the quorum
            // reads it from this configuration, not from the formatted storage.
            int controllerPort = freePort();
            var config = new KafkaConfig(properties(logDir, clientPort, controllerPort));
            format(logDir, config);
            var server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + clientPort;
            LOG.info("Embedded Kafka broker started on {} (log in {})", bootstrap, logDir);
            return new EmbeddedKafka(server, bootstrap);
        } catch (IOException e) {
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "cannot prepare the Kafka log directory " + logDir + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> properties(Path logDir, int clientPort, int controllerPort) {
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        // One node: internal topics cannot have more replicas than that.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("num.partitions", "4");
        // Analysis images make frame records large.
        p.put("message.max.bytes", Integer.toString(16 * 1024 * 1024));
        // Start the first consumer group at once instead of waiting for more members to join.
        p.put("group.initial.rebalance.delay.ms", "0");
        // Keep the local log small: frames are transient and a day is plenty to recover from a crash.
        p.put("log.retention.hours", "24");
        p.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        return p;
    }

    private static void format(Path logDir, KafkaConfig config) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            // Formatted by an earlier run: it keeps its cluster id, topics and unconsumed records.
            return;
        }
        var output = new ByteArrayOutputStream();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "cannot format the Kafka log directory " + logDir + ": " + e.getMessage()
                            + " (delete the directory to start afresh)", e);
        }
        LOG.debug("Kafka storage formatter: {}", output.toString(StandardCharsets.UTF_8).trim());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Embedded Kafka broker stopped");
    }
}
