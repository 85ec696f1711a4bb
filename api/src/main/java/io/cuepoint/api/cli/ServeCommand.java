package io.cuepoint.api.cli;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.api.access.LocalAdmin;
import io.cuepoint.api.embedded.AllInOne;
import io.cuepoint.api.ops.Management;
import io.cuepoint.api.ops.ManagementConfig;
import io.cuepoint.ingest.IngestConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The all-in-one service: embedded Kafka and PostgreSQL, one ingest and one analyzer worker, and the api. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline and the REST api in this process, ready for uploads.")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    CuepointCommand parent;

    @Option(names = "--port", defaultValue = "${env:CUEPOINT_PORT:-8080}",
            description = "HTTP port (env CUEPOINT_PORT, default 8080)")
    int port;

    @Option(names = "--data-dir", description = "state directory (env CUEPOINT_DATA_DIR, default ~/.cuepoint)")
    Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        var env = parent.environment();
        Path dir = dataDir != null ? dataDir : Settings.dataDir(env);
        String apiKey = ApiKeys.configuredOrLocal(env, dir);
        var options = new AllInOne.Options(dir, IngestConfig.fromEnvironment(env), AnalyzerConfig.fromEnvironment(env),
                true, Map.of("micronaut.server.port", port, "cuepoint.api-keys", apiKey,
                "cuepoint.auth.jwt-secret", ApiKeys.jwtSecret(env, dir)));
        var stopped = new CountDownLatch(1);
        // Bound first: a taken management port fails at once, not after the broker and database started.
        try (var management = Management.start(ManagementConfig.fromEnvironment(env, true));
             var cuepoint = AllInOne.start(options)) {
            cuepoint.watch(management);
            System.out.printf("Cuepoint is serving on http://localhost:%d/api/v1 (started in %.1f s)%n", port,
                    cuepoint.startup().toMillis() / 1000.0);
            System.out.printf("API key: %s  (send it as the X-API-Key header; kept in %s)%n", apiKey,
                    ApiKeys.localKeyFile(dir));
            cuepoint.context().getBean(LocalAdmin.class).ensure(dir).ifPresent(file -> System.out.printf(
                    "Sign in as %s; the password is in %s%n", LocalAdmin.EMAIL, file));
            System.out.println("Press Ctrl+C to stop.");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                cuepoint.close();
                stopped.countDown();
            }, "cuepoint-shutdown"));
            stopped.await();
        }
        return 0;
    }
}
