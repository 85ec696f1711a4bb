package io.cuepoint.api.ops;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * The operations side of one process (a cluster role, {@code serve}, or {@code analyze} when asked): the
 * management endpoints ({@link ManagementConfig}), its Prometheus metrics, readiness checks of Kafka
 * ({@code describeCluster}) and PostgreSQL ({@code SELECT 1}), liveness of its workers, and the
 * {@code cuepoint.consumer.lag} gauges refreshed every {@link #LAG_INTERVAL}. With the endpoints off, every
 * method does nothing. Start it first, so that probes answer while the process starts; close it last.
 */
public final class Management implements AutoCloseable {
    /** How often consumer lag is measured. */
    static final Duration LAG_INTERVAL = Duration.ofSeconds(10);

    private final PrometheusExport prometheus;
    private final Readiness readiness;
    private final ManagementServer server;
    private ScheduledExecutorService scheduler;
    private ConsumerLagMeter lag;
    private Admin admin;
    private Map<String, Object> kafkaClient;

    private Management(PrometheusExport prometheus, Readiness readiness, ManagementServer server) {
        this.prometheus = prometheus;
        this.readiness = readiness;
        this.server = server;
    }

    /**
     * Binds the endpoints (when enabled): {@code /health/ready} answers 503 "starting" until {@link #ready()}.
     *
     * @throws IllegalArgumentException naming {@value ManagementConfig#PORT} when its port is taken
     */
    public static Management start(ManagementConfig config) {
        if (!config.enabled()) {
            return new Management(null, null, null);
        }
        var prometheus = new PrometheusExport();
        var readiness = new Readiness();
        try {
            return new Management(prometheus, readiness,
                    ManagementServer.start(config.port().getAsInt(), prometheus::scrape, readiness));
        } catch (RuntimeException e) {
            readiness.close();
            prometheus.close();
            throw e;
        }
    }

    /**
     * Readiness checks Kafka with these client settings, and {@code lagGroups} (consumer group → topics)
     * get lag gauges.
     */
    public synchronized Management kafka(Map<String, Object> clientProperties, Map<String, List<String>> lagGroups) {
        if (server == null) {
            return this;
        }
        kafkaClient = new HashMap<>(clientProperties);
        kafkaClient.put(AdminClientConfig.CLIENT_ID_CONFIG, "cuepoint-management");
        readiness.add("kafka", () -> {
            var nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(
                    (int) Readiness.TIMEOUT.toMillis())).nodes().get(Readiness.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (nodes.isEmpty()) {
                throw new IllegalStateException("the cluster has no brokers");
            }
        });
        lag = new ConsumerLagMeter(this::admin);
        lagGroups.forEach(lag::watch);
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "cuepoint-consumer-lag");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(lag::refresh, 0, LAG_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Also measure the lag of this group (the api's group is configurable). */
    public synchronized Management lag(String group, List<String> topics) {
        if (lag != null) {
            lag.watch(group, topics);
        }
        return this;
    }

    /** Readiness checks PostgreSQL with {@code SELECT 1} on a connection of this pool. */
    public Management database(DataSource dataSource) {
        if (server != null) {
            readiness.add("database", () -> {
                try (var c = dataSource.getConnection(); var s = c.createStatement()) {
                    s.setQueryTimeout((int) Readiness.TIMEOUT.toSeconds());
                    if (!s.execute("SELECT 1")) {
                        throw new SQLException("SELECT 1 returned no result");
                    }
                }
            });
        }
        return this;
    }

    /** @param deadWorkers names (and reasons) of workers that stopped on their own; liveness is 503 while any */
    public Management liveness(Supplier<List<String>> deadWorkers) {
        if (server != null) {
            readiness.liveness(deadWorkers);
        }
        return this;
    }

    /** The process finished starting: readiness now depends on the checks alone. */
    public void ready() {
        if (server != null) {
            readiness.started();
        }
    }

    /** The bound port, or -1 when the endpoints are off. */
    public int port() {
        return server == null ? -1 : server.port();
    }

    /** The lag meter, for tests that refresh it at once rather than wait for its schedule. */
    ConsumerLagMeter lagMeter() {
        return lag;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafkaClient);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.close();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (lag != null) {
            lag.close();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        readiness.close();
        prometheus.close();
    }
}
