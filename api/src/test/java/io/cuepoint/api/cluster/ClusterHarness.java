package io.cuepoint.api.cluster;

import static org.awaitility.Awaitility.await;

import io.cuepoint.api.embedded.TopicSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A whole Cuepoint cluster on this machine for integration tests and benchmarks: {@link KafkaBrokers}
 * (N KRaft nodes, each its own JVM), one PostgreSQL ({@link ClusterDatabase}, in this JVM, on a fixed
 * port and data directory) and any number of role processes ({@link RoleProcess}, the packaged program
 * {@code cuepoint.jar}). One harness per test class: starting it costs tens of seconds.
 *
 * <p>Implementation notes:
 * <ul>
 *   <li>Tests put the cluster in {@link #testDirectory(Class)}, {@code target/cluster-it/CLASS/}, kept
 *       after the run for its logs. Layout under the directory given to {@link #start}: {@code kafka/}
 *       (broker storage, properties and {@code broker-N.log}), {@code postgres/}, {@code media/} (the shared media directory; the
 *       api may read submitted server paths there), {@code roles/NAME/} (each role's data directory)
 *       and {@code logs/NAME.log} (each role's stdout and stderr; NAME is e.g. {@code analyzer-2}).</li>
 *   <li>{@link #start} waits until every broker is registered, then creates the five topics with
 *       {@link TopicSetup} (12 frame partitions, the cluster's replication factor), so that every role
 *       finds them and the frames topic has room for many analyzers.</li>
 *   <li>The packaged program is {@code target/cuepoint.jar} (the api module's working directory, as
 *       under failsafe) or {@code api/target/cuepoint.jar} (the repository root, as the benchmark
 *       script runs), or the system property {@code cuepoint.jar}. {@code mvn package} builds it.</li>
 *   <li>Roles run with {@code -Xmx1g} and inherit this JVM's environment (models and native library
 *       settings), overlaid with {@link #roleEnvironment()} and the caller's variables. Each gets a free
 *       {@code CUEPOINT_MANAGEMENT_PORT}; an api role gets a free {@code CUEPOINT_PORT}.</li>
 *   <li>Unless the caller sets {@code CUEPOINT_LOG_FORMAT}, roles log with {@code role-logback.xml}:
 *       the packaged configuration's text format and levels, plus DEBUG for the analyzer's worker, whose
 *       per-segment line ({@code segment VIDEO/N: …}) shows which process analysed which segment.</li>
 *   <li>The admin client's requests time out after 15 s so that a question to a cluster missing a node
 *       fails instead of hanging; tests that ask while a node is away wrap the question in Awaitility.</li>
 * </ul>
 */
public final class ClusterHarness implements AutoCloseable {
    /** The operator key every api role accepts. */
    public static final String API_KEY = "cluster-it-key";
    /** Partitions of the frames topic: more than any test runs analyzers. */
    public static final int FRAME_PARTITIONS = 12;
    private static final Duration START_WAIT = Duration.ofMinutes(3);

    private final Path dir;
    private final KafkaBrokers brokers;
    private final ClusterDatabase database;
    private final Admin admin;
    private final ClusterAdmin clusterAdmin;
    private final Path roleLogback;
    private final List<RoleProcess> roles = new ArrayList<>();
    private final Map<String, AtomicInteger> roleCounts = new ConcurrentHashMap<>();

    private ClusterHarness(Path dir, KafkaBrokers brokers, ClusterDatabase database, Admin admin, Path roleLogback) {
        this.dir = dir;
        this.brokers = brokers;
        this.database = database;
        this.admin = admin;
        this.clusterAdmin = new ClusterAdmin(admin);
        this.roleLogback = roleLogback;
    }

    /** Starts {@code brokers} Kafka nodes and PostgreSQL under {@code dir} and creates the topics. */
    public static ClusterHarness start(Path dir, int brokers) {
        Path roleLogback;
        try {
            Files.createDirectories(dir.resolve("media"));
            Files.createDirectories(dir.resolve("logs"));
            roleLogback = writeRoleLogback(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
        KafkaBrokers kafka = null;
        ClusterDatabase database = null;
        Admin admin = null;
        try {
            kafka = KafkaBrokers.start(dir.resolve("kafka"), brokers);
            database = new ClusterDatabase(dir.resolve("postgres"), FreePorts.next());
            database.start();
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
            var harness = new ClusterHarness(dir, kafka, database, admin, roleLogback);
            for (int i = 0; i < brokers; i++) {
                harness.awaitBroker(i);
            }
            TopicSetup.ensureTopics(Map.of("bootstrap.servers", kafka.bootstrapServers()), FRAME_PARTITIONS,
                    Optional.empty());
            return harness;
        } catch (RuntimeException | Error e) {
            if (admin != null) {
                admin.close();
            }
            if (database != null) {
                database.close();
            }
            if (kafka != null) {
                kafka.close();
            }
            throw e;
        }
    }

    public String bootstrapServers() {
        return brokers.bootstrapServers();
    }

    /** What every role needs; tests add their own on top in {@link #startRole}. */
    public Map<String, String> roleEnvironment() {
        var env = new LinkedHashMap<String, String>();
        env.put("CUEPOINT_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        env.put("CUEPOINT_FRAME_PARTITIONS", Integer.toString(FRAME_PARTITIONS));
        env.put("DATASOURCES_DEFAULT_URL", database.jdbcUrl());
        env.put("DATASOURCES_DEFAULT_USERNAME", ClusterDatabase.USER);
        env.put("DATASOURCES_DEFAULT_PASSWORD", ClusterDatabase.PASSWORD);
        env.put("CUEPOINT_API_KEYS", API_KEY);
        env.put("CUEPOINT_MEDIA_DIR", mediaDir().toString());
        env.put("CUEPOINT_ALLOW_SERVER_PATHS", "true");
        env.put("CUEPOINT_SERVER_PATH_ROOTS", mediaDir().toString());
        env.put("CUEPOINT_SEGMENT_SECONDS", "2");
        return env;
    }

    /** Starts {@code java -Xmx1g -jar cuepoint.jar ROLE ARGS…}; see the class notes for its environment. */
    public RoleProcess startRole(String role, Map<String, String> extraEnv, String... args) {
        return startRole(role, extraEnv, List.of("-Xmx1g"), args);
    }

    /** As {@link #startRole(String, Map, String...)} with the given JVM options instead of {@code -Xmx1g}. */
    public synchronized RoleProcess startRole(String role, Map<String, String> extraEnv, List<String> jvmOptions,
                                       String... args) {
        String name = role + "-" + roleCounts.computeIfAbsent(role, r -> new AtomicInteger()).incrementAndGet();
        var env = new HashMap<>(roleEnvironment());
        env.put("CUEPOINT_DATA_DIR", dir.resolve("roles").resolve(name).toString());
        env.put("CUEPOINT_MANAGEMENT_PORT", Integer.toString(FreePorts.next()));
        int apiPort = role.equals("api") ? FreePorts.next() : -1;
        if (apiPort > 0) {
            env.put("CUEPOINT_PORT", Integer.toString(apiPort));
        }
        env.putAll(extraEnv);
        var command = new ArrayList<String>();
        command.add(KafkaBrokers.javaCommand());
        command.addAll(jvmOptions);
        if (!env.containsKey("CUEPOINT_LOG_FORMAT")) {
            command.add("-Dlogback.configurationFile=" + roleLogback);
        }
        command.addAll(List.of("-jar", jar().toString(), role));
        command.addAll(List.of(args));
        var process = new RoleProcess(name, command, env, dir.resolve("logs").resolve(name + ".log"),
                Integer.parseInt(env.get("CUEPOINT_MANAGEMENT_PORT")),
                env.containsKey("CUEPOINT_PORT") && role.equals("api") ? Integer.parseInt(env.get("CUEPOINT_PORT")) : -1);
        roles.add(process);
        return process;
    }

    /** A client of an api role with {@link #API_KEY}. */
    public ClusterApi api(RoleProcess api) {
        return new ClusterApi(api, API_KEY);
    }

    /** SIGTERM to broker {@code i} (0-based), waiting for its controlled shutdown to end. */
    public void stopBroker(int i) {
        brokers.stop(i);
    }

    /** SIGKILL to broker {@code i}. */
    public void killBroker(int i) {
        brokers.kill(i);
    }

    /** Starts broker {@code i} again on its storage and waits until it registered with the controller. */
    public void startBroker(int i) {
        brokers.start(i);
        awaitBroker(i);
    }

    public boolean brokerRunning(int i) {
        return brokers.isRunning(i);
    }

    public Path brokerLog(int i) {
        return brokers.log(i);
    }

    public void stopDatabase() {
        database.stop();
    }

    public void startDatabase() {
        database.start();
    }

    /** Records the group has yet to process: end offsets minus committed offsets over its topics' partitions. */
    public long consumerLag(String group) {
        return clusterAdmin.consumerLag(group);
    }

    /** The admin questions the tests ask (topic settings, groups, replication). */
    public ClusterAdmin clusterAdmin() {
        return clusterAdmin;
    }

    /** An admin client of the cluster, owned by the harness (do not close it). */
    public Admin admin() {
        return admin;
    }

    public Path mediaDir() {
        return dir.resolve("media");
    }

    public Path dir() {
        return dir;
    }

    private void awaitBroker(int i) {
        int node = KafkaBrokers.nodeId(i);
        await().alias("broker " + i + " (node " + node + ") registered; log " + brokers.log(i))
                .atMost(START_WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    if (!brokers.isRunning(i)) {
                        throw new AssertionError("broker " + i + " exited; see " + brokers.log(i));
                    }
                    return clusterAdmin.brokerIds().contains(node);
                });
    }

    /**
     * A fresh directory for one test class's cluster, {@code target/cluster-it/NAME}: kept after the run
     * so that the logs of a failed test can be read, emptied when the class runs again.
     */
    public static Path testDirectory(Class<?> testClass) {
        return freshDirectory(Path.of("target", "cluster-it", testClass.getSimpleName()));
    }

    /** {@code path}, emptied if it exists, created if not. */
    public static Path freshDirectory(Path path) {
        Path absolute = path.toAbsolutePath();
        try {
            if (Files.exists(absolute)) {
                try (var files = Files.walk(absolute)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            return Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + absolute, e);
        }
    }

    public static Path jar() {
        String configured = System.getProperty("cuepoint.jar");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path candidate : List.of(Path.of("target", "cuepoint.jar"), Path.of("api", "target", "cuepoint.jar"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("cuepoint.jar not found in target/ or api/target/: run mvn package first");
    }

    private static Path writeRoleLogback(Path dir) throws IOException {
        Path file = dir.resolve("role-logback.xml");
        Files.writeString(file, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="org.apache.kafka" level="WARN"/>
                  <logger name="kafka" level="WARN"/>
                  <logger name="org.flywaydb" level="WARN"/>
                  <logger name="com.zaxxer.hikari" level="WARN"/>
                  <logger name="io.cuepoint.analyzer.consume.AnalyzerWorker" level="DEBUG"/>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        return file.toAbsolutePath();
    }

    /** Kills every role still running, then stops the brokers and the database. */
    @Override
    public void close() {
        for (RoleProcess role : roles) {
            role.close();
        }
        admin.close(Duration.ofSeconds(5));
        brokers.close();
        database.close();
    }
}
