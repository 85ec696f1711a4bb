package io.cuepoint.api;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Properties for a {@code @MicronautTest} against a fresh database of the real PostgreSQL, with the Kafka
 * materializer off (tests apply records through {@code EventMaterializer} directly).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTestBase implements TestPropertyProvider {
    public static final String KEY = "test-key-1";
    public static final String OTHER_KEY = "test-key-2";

    protected final Path dataDir;

    protected ApiTestBase() {
        try {
            dataDir = Files.createTempDirectory("cuepoint-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        var p = new HashMap<String, String>();
        p.put("datasources.default.url", TestPostgres.newDatabase());
        p.put("datasources.default.username", "postgres");
        p.put("datasources.default.password", "postgres");
        p.put("cuepoint.api-keys", KEY + "," + OTHER_KEY);
        p.put("cuepoint.data-dir", dataDir.toString());
        p.put("cuepoint.materializer.enabled", "false");
        // A free port per test server: a fixed one clashes with anything else on the machine.
        p.put("micronaut.server.port", "-1");
        p.putAll(extraProperties());
        return p;
    }

    /** Properties a test class adds or overrides. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    protected Path mediaDir() {
        return dataDir.resolve("media");
    }
}
