package io.cuepoint.api.embedded;

import io.cuepoint.api.ApiException;
import io.micronaut.http.HttpStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server, started from the binaries that Maven delivers, with its cluster under the
 * data directory so that timelines survive a restart.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on a free loopback port, initialising the cluster on first use.
     *
     * @param dataDir the cluster directory
     */
    public static EmbeddedDatabase start(Path dataDir) {
        try {
            Files.createDirectories(dataDir.getParent());
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    // Keep the cluster between runs: it holds every timeline analysed so far.
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            LOG.info("Embedded PostgreSQL started on port {} (data in {})", postgres.getPort(), dataDir);
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "cannot start PostgreSQL in " + dataDir + ": " + e.getMessage()
                            + " (is another cuepoint using this data directory?)", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String user() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        LOG.info("Embedded PostgreSQL stopped");
    }
}
