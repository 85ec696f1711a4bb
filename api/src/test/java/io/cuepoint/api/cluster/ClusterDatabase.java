package io.cuepoint.api.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL (zonky's embedded binaries) run by the test JVM on a fixed loopback port and data
 * directory, so that it can be stopped for an outage and started again where the roles expect it,
 * with everything written before the outage still there.
 */
final class ClusterDatabase implements AutoCloseable {
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    ClusterDatabase(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    int port() {
        return port;
    }

    synchronized boolean isRunning() {
        return postgres != null;
    }

    /** Starts the server; the cluster is initialised on first start only. */
    synchronized void start() {
        if (postgres != null) {
            throw new IllegalStateException("PostgreSQL is running already");
        }
        try {
            Files.createDirectories(dataDir.getParent());
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on port " + port + " in " + dataDir, e);
        }
    }

    /** Stops the server (fast shutdown: open connections are cut, as in an outage). */
    synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL", e);
        } finally {
            postgres = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
