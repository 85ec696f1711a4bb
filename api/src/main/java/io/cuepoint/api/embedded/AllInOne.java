package io.cuepoint.api.embedded;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.consume.AnalyzerWorker;
import io.cuepoint.api.CuepointApi;
import io.cuepoint.api.config.MaterializerConfig;
import io.cuepoint.api.materialize.Materializer;
import io.cuepoint.api.ops.ConsumerGroups;
import io.cuepoint.api.ops.Management;
import io.cuepoint.ingest.IngestConfig;
import io.cuepoint.ingest.worker.IngestWorker;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in one JVM: a real PostgreSQL and a real KRaft broker started in-process, one
 * ingest worker, one analyzer worker and the api's beans (with or without the HTTP server). Everything
 * it keeps lives under one data directory.
 */
public final class AllInOne implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AllInOne.class);
    /** Segments of one video spread over this many partitions; the embedded mode runs one analyzer. */
    private static final int FRAME_PARTITIONS = 8;

    private final EmbeddedDatabase database;
    private final EmbeddedKafka kafka;
    private final WorkerPool workers;
    private final ApplicationContext context;
    private final Duration startup;

    private AllInOne(EmbeddedDatabase database, EmbeddedKafka kafka, WorkerPool workers,
                     ApplicationContext context, Duration startup) {
        this.database = database;
        this.kafka = kafka;
        this.workers = workers;
        this.context = context;
        this.startup = startup;
    }

    /** What to start. */
    public record Options(Path dataDir, IngestConfig ingest, AnalyzerConfig analyzer, boolean httpServer,
                          Map<String, Object> apiProperties) {
    }

    /** Starts every part; on failure stops what already runs and rethrows. */
    public static AllInOne start(Options options) {
        long t0 = System.nanoTime();
        EmbeddedDatabase database = null;
        EmbeddedKafka kafka = null;
        WorkerPool workers = null;
        try {
            database = EmbeddedDatabase.start(options.dataDir().resolve("postgres"));
            kafka = EmbeddedKafka.start(options.dataDir().resolve("kafka"), 0);
            Map<String, Object> client = new HashMap<>();
            client.put("bootstrap.servers", kafka.bootstrapServers());
            TopicSetup.ensureTopics(client, FRAME_PARTITIONS, Optional.of((short) 1));
            LOG.info("Embedded infrastructure ready in {} ms", (System.nanoTime() - t0) / 1_000_000);

            var context = startApi(options, database, kafka);
            workers = new WorkerPool();
            workers.start("ingest-0", new IngestWorker(options.ingest(), client));
            workers.start("analyzer-0", new AnalyzerWorker(options.analyzer(), client));
            var startup = Duration.ofNanos(System.nanoTime() - t0);
            LOG.info("All-in-one started in {} ms", startup.toMillis());
            return new AllInOne(database, kafka, workers, context, startup);
        } catch (RuntimeException e) {
            closeQuietly(workers);
            closeQuietly(kafka);
            closeQuietly(database);
            throw e;
        }
    }

    private static ApplicationContext startApi(Options options, EmbeddedDatabase database, EmbeddedKafka kafka) {
        Map<String, Object> props = new HashMap<>(options.apiProperties());
        props.put("datasources.default.url", database.jdbcUrl());
        props.put("datasources.default.username", database.user());
        props.put("datasources.default.password", database.password());
        props.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        props.put("cuepoint.kafka.bootstrap-servers", kafka.bootstrapServers());
        props.put("cuepoint.data-dir", options.dataDir().toAbsolutePath().toString());
        if (options.httpServer()) {
            return CuepointApi.start(props);
        }
        // No HTTP server: the command line uses the api's services directly.
        return ApplicationContext.builder().properties(props).start();
    }

    public ApplicationContext context() {
        return context;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    /**
     * Points the management endpoints at this pipeline: readiness checks its broker and database, liveness its
     * workers and materializer, and the lag of all three consumer groups is measured; then marks it ready.
     */
    public void watch(Management management) {
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        var materializer = context.findBean(Materializer.class);
        var groups = new HashMap<>(ConsumerGroups.INGEST);
        groups.putAll(ConsumerGroups.ANALYZER);
        groups.putAll(ConsumerGroups.api(context.getBean(MaterializerConfig.class).groupId()));
        management.kafka(client, groups)
                .database(context.getBean(DataSource.class))
                .liveness(() -> {
                    var dead = new ArrayList<>(workers.deadWorkers());
                    materializer.filter(m -> !m.isRunning()).ifPresent(m -> dead.add("materializer: stopped"));
                    return dead;
                })
                .ready();
    }

    /** Time from the call to {@link #start} until every part ran. */
    public Duration startup() {
        return startup;
    }

    @Override
    public void close() {
        // Reverse order of start: stop consuming before the broker and the database go away.
        closeQuietly(workers);
        closeQuietly(context);
        closeQuietly(kafka);
        closeQuietly(database);
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("Stopping {} failed: {}", resource.getClass().getSimpleName(), e.toString());
        }
    }
}
