package io.cuepoint.api.cli;

import io.cuepoint.api.embedded.EmbeddedDatabase;
import io.cuepoint.api.embedded.EmbeddedKafka;
import io.cuepoint.api.embedded.TopicSetup;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Starts only the embedded Kafka broker and PostgreSQL, as a stand-in for external ones, so that the
 * cluster roles can be tried as separate processes on one machine.
 */
@Command(name = "infra", mixinStandardHelpOptions = true,
        description = "Run a Kafka broker and a PostgreSQL server for the cluster roles to use (development).")
final class InfraCommand implements Callable<Integer> {
    @ParentCommand
    CuepointCommand parent;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka client port (default 9092)")
    int kafkaPort;

    @Option(names = "--data-dir", description = "state directory (default ~/.cuepoint/infra)")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir != null ? dataDir : Settings.dataDir(parent.environment()).resolve("infra");
        var stopped = new CountDownLatch(1);
        var closed = new CountDownLatch(1);
        // The hook waits until the broker and the database have shut down cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            awaitQuietly(closed);
        }, "cuepoint-shutdown"));
        try (var database = EmbeddedDatabase.start(dir.resolve("postgres"));
             var kafka = EmbeddedKafka.start(dir.resolve("kafka"), kafkaPort)) {
            TopicSetup.ensureTopics(Settings.kafkaClient(kafka.bootstrapServers()), 12, Optional.of((short) 1));
            System.out.println("Kafka and PostgreSQL are running. In each role's shell:");
            System.out.println("export CUEPOINT_KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers());
            System.out.println("export DATASOURCES_DEFAULT_URL='" + database.jdbcUrl() + "'");
            System.out.println("export DATASOURCES_DEFAULT_USERNAME=" + database.user());
            System.out.println("export DATASOURCES_DEFAULT_PASSWORD=" + database.password());
            System.out.println("Press Ctrl+C to stop.");
            stopped.await();
        } finally {
            closed.countDown();
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
