package io.cuepoint.api.bench;

import io.cuepoint.api.CuepointApi;
import io.cuepoint.api.embedded.EmbeddedDatabase;
import io.micronaut.context.ApplicationContext;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The server side of the load benchmark: the all-in-one's embedded PostgreSQL (the production
 * {@link EmbeddedDatabase}, its cluster kept under the given directory so reruns skip seeding) and the real api
 * ({@link CuepointApi}) against it, seeded by {@link EventSeeder} when the cluster does not hold the asked-for
 * seed yet. No Kafka, analyzer or materializer: the benchmark reads only. Prints {@code BENCH-READY} when it
 * serves; stops on SIGTERM.
 * <p>
 * Arguments: {@code DIR EVENTS VIDEOS PORT API_KEY}. Other api settings come from the environment as usual
 * ({@code DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE}, {@code CUEPOINT_AUTH_RATE_LIMIT_PER_SECOND}, ...).
 */
public final class BenchServer {
    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: BenchServer DIR EVENTS VIDEOS PORT API_KEY");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        long events = Long.parseLong(args[1]);
        int videos = Integer.parseInt(args[2]);
        var database = EmbeddedDatabase.start(dir.resolve("postgres"));
        Map<String, Object> props = new HashMap<>();
        props.put("datasources.default.url", database.jdbcUrl());
        props.put("datasources.default.username", database.user());
        props.put("datasources.default.password", database.password());
        props.put("micronaut.server.port", Integer.parseInt(args[3]));
        props.put("cuepoint.api-keys", args[4]);
        props.put("cuepoint.data-dir", dir.resolve("data").toString());
        props.put("cuepoint.materializer.enabled", false);
        // Never contacted: only uploads produce jobs.
        props.put("cuepoint.kafka.bootstrap-servers", "127.0.0.1:9");
        ApplicationContext api;
        try {
            api = CuepointApi.start(props);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            try {
                database.close();
            } catch (Exception e) {
                System.err.println("stopping PostgreSQL: " + e);
            }
            stopped.countDown();
        }, "bench-shutdown"));
        try (Connection c = api.getBean(DataSource.class).getConnection()) {
            if (EventSeeder.seeded(c, events, videos)) {
                System.out.printf("database %s already holds %d events over %d videos%n", dir, events, videos);
                // A migration since the seeding may have rewritten every row: measure on fresh statistics and a
                // clean visibility map, as a production database after autovacuum (a no-op when nothing changed).
                try (var s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE videos");
                    s.execute("VACUUM ANALYZE events");
                }
            } else {
                long t0 = System.nanoTime();
                System.out.printf("seeding %d events over %d videos...%n", events, videos);
                EventSeeder.seed(c, events, videos);
                System.out.printf("seeded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            }
            EventSeeder.writeVideos(c, dir.resolve("videos.tsv"));
            try (var s = c.createStatement();
                 var rs = s.executeQuery("SELECT pg_size_pretty(pg_total_relation_size('events')), "
                         + "(SELECT count(*) FROM events), (SELECT avg(pg_column_size(json))::int FROM "
                         + "(SELECT json FROM events TABLESAMPLE SYSTEM (1)) j)")) {
                rs.next();
                System.out.printf("events: %d rows, %s with indexes, JSON %d bytes on average%n", rs.getLong(2),
                        rs.getString(1), rs.getInt(3));
            }
        }
        System.out.println("BENCH-READY " + args[3]);
        System.out.flush();
        stopped.await();
    }
}
