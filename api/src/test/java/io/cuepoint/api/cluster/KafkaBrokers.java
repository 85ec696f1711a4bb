package io.cuepoint.api.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * N real Kafka nodes, each a separate JVM ({@code java @argfile kafka.Kafka server.properties}) running
 * broker and KRaft controller together with a static voter set of all N, on loopback.
 *
 * <p>Implementation notes:
 * <ul>
 *   <li>The JVMs run the Kafka jars of this test's classpath ({@code java.class.path}, which surefire and
 *       failsafe set to the real test classpath), passed in a {@code @argfile} so that a long classpath
 *       never hits the command-line limit. Each logs through Logback with {@code broker-logback.xml}
 *       (INFO for the node's life cycle, WARN for the rest) into {@code broker-N.log}.</li>
 *   <li>Storage is formatted here, in the test JVM, with Kafka's {@link Formatter} (one cluster id for
 *       all nodes), exactly once: a restarted node finds its {@code meta.properties} and keeps its data.</li>
 *   <li>Client and controller ports are chosen once and written into {@code server-N.properties}, so
 *       a node restarts on the same ports and the static voter set stays valid.</li>
 *   <li>Replication: {@code default.replication.factor} = min(3, N), {@code min.insync.replicas} = 2
 *       (1 for one node), the same for the offsets, transaction and share-state topics; so with three
 *       nodes, one may be down while producers with {@code acks=all} carry on.</li>
 *   <li>{@code group.min.session.timeout.ms} is 1 s (default 6 s) so that fault tests may lower a
 *       consumer's {@code session.timeout.ms}; {@code group.initial.rebalance.delay.ms} is 0 so a group
 *       forms at once.</li>
 *   <li>Each node runs with {@code -Xmx384m} and the serial collector: tests start several on two cores.</li>
 *   <li>{@link #stop(int)} sends SIGTERM (a controlled shutdown: leadership moves first) and waits;
 *       {@link #kill(int)} sends SIGKILL; {@link #start(int)} starts the node again on the same storage.</li>
 * </ul>
 */
final class KafkaBrokers implements AutoCloseable {
    private static final Duration STOP_WAIT = Duration.ofSeconds(90);

    private final Path dir;
    private final int count;
    private final int[] clientPorts;
    private final int[] controllerPorts;
    private final Process[] processes;
    private final Path argFile;

    private KafkaBrokers(Path dir, int count) throws IOException {
        this.dir = dir;
        this.count = count;
        this.clientPorts = new int[count];
        this.controllerPorts = new int[count];
        this.processes = new Process[count];
        for (int i = 0; i < count; i++) {
            clientPorts[i] = FreePorts.next();
            controllerPorts[i] = FreePorts.next();
        }
        this.argFile = dir.resolve("broker-jvm.args");
    }

    /**
     * Formats storage for {@code count} nodes under {@code dir} and starts them (not waiting for them
     * to serve: the caller checks that with an admin client).
     */
    static KafkaBrokers start(Path dir, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one broker, got " + count);
        }
        try {
            Files.createDirectories(dir);
            var brokers = new KafkaBrokers(dir, count);
            brokers.writeFiles();
            for (int i = 0; i < count; i++) {
                brokers.start(i);
            }
            return brokers;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Kafka brokers in " + dir, e);
        }
    }

    int count() {
        return count;
    }

    /** {@code 127.0.0.1:port} of every node, comma-separated. */
    String bootstrapServers() {
        return IntStream.range(0, count).mapToObj(this::address).collect(Collectors.joining(","));
    }

    String address(int i) {
        return "127.0.0.1:" + clientPorts[i];
    }

    /** The node id Kafka knows node {@code i} by (node ids start at 1). */
    static int nodeId(int i) {
        return i + 1;
    }

    Path log(int i) {
        return dir.resolve("broker-" + i + ".log");
    }

    boolean isRunning(int i) {
        return processes[i] != null && processes[i].isAlive();
    }

    /** Starts node {@code i} on its storage and ports; it must not be running. */
    synchronized void start(int i) {
        if (isRunning(i)) {
            throw new IllegalStateException("broker " + i + " is running already");
        }
        var command = List.of(javaCommand(), "@" + argFile, "kafka.Kafka",
                dir.resolve("server-" + i + ".properties").toString());
        try {
            processes[i] = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log(i).toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start broker " + i, e);
        }
    }

    /** SIGTERM, then waits for the controlled shutdown to finish. */
    void stop(int i) {
        Process p = processes[i];
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        awaitExit(i, p);
    }

    /** SIGKILL: the node disappears without a controlled shutdown. */
    void kill(int i) {
        Process p = processes[i];
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            awaitExit(i, p);
        }
    }

    private void awaitExit(int i, Process p) {
        try {
            if (!p.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IllegalStateException("broker " + i + " did not stop within " + STOP_WAIT
                        + " of SIGTERM; killed (log: " + log(i) + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping broker " + i, e);
        }
    }

    @Override
    public void close() {
        // SIGTERM all at once: stopping them one by one would move every leader twice.
        for (Process p : processes) {
            if (p != null && p.isAlive()) {
                p.destroy();
            }
        }
        for (int i = 0; i < count; i++) {
            Process p = processes[i];
            if (p != null) {
                try {
                    if (!p.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                        p.destroyForcibly().waitFor();
                    }
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void writeFiles() throws IOException {
        Path logback = dir.resolve("broker-logback.xml");
        Files.writeString(logback, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                  <logger name="kafka.server.BrokerServer" level="INFO"/>
                  <logger name="kafka.server.ControllerServer" level="INFO"/>
                  <root level="WARN"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        // One JVM option per line; the classpath is quoted because @argfiles split on spaces.
        Files.writeString(argFile, String.join("\n", "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=" + logback.toAbsolutePath(),
                "-cp", "\"" + System.getProperty("java.class.path") + "\"") + "\n");
        String clusterId = Uuid.randomUuid().toString();
        String voters = IntStream.range(0, count)
                .mapToObj(i -> nodeId(i) + "@127.0.0.1:" + controllerPorts[i]).collect(Collectors.joining(","));
        for (int i = 0; i < count; i++) {
            Path logDir = dir.resolve("node-" + i);
            Files.createDirectories(logDir);
            var props = properties(i, voters, logDir);
            try (var out = Files.newBufferedWriter(dir.resolve("server-" + i + ".properties"))) {
                props.store(out, "Kafka node " + nodeId(i) + " of the cluster test harness");
            }
            format(i, clusterId, logDir);
        }
    }

    private Properties properties(int i, String voters, Path logDir) {
        int replicas = Math.min(3, count);
        String minIsr = count == 1 ? "1" : "2";
        Map<String, String> p = new TreeMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId(i)));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPorts[i] + ",CONTROLLER://127.0.0.1:" + controllerPorts[i]);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPorts[i]);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("default.replication.factor", Integer.toString(replicas));
        p.put("min.insync.replicas", minIsr);
        p.put("offsets.topic.replication.factor", Integer.toString(replicas));
        // Fewer than the 50 default: each one is three replicas on a two-core test machine.
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", Integer.toString(replicas));
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", Integer.toString(replicas));
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        p.put("num.partitions", "4");
        // Frame records carry JPEGs; the same limit as the all-in-one's embedded broker.
        p.put("message.max.bytes", Integer.toString(16 * 1024 * 1024));
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("group.min.session.timeout.ms", "1000");
        p.put("log.segment.bytes", Integer.toString(32 * 1024 * 1024));
        var props = new Properties();
        props.putAll(p);
        return props;
    }

    private static void format(int i, String clusterId, Path logDir) {
        var output = new ByteArrayOutputStream();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                    .setClusterId(clusterId)
                    .setNodeId(nodeId(i))
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                    .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage " + logDir + ": " + e.getMessage()
                    + "\n" + output.toString(StandardCharsets.UTF_8), e);
        }
    }

    static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Port numbers of every node, for diagnostics. */
    @Override
    public String toString() {
        var nodes = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            nodes.add(nodeId(i) + "=" + address(i) + (isRunning(i) ? "" : " (down)"));
        }
        return "KafkaBrokers" + nodes;
    }
}
