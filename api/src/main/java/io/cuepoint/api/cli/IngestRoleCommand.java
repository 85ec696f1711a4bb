package io.cuepoint.api.cli;

import io.cuepoint.ingest.IngestConfig;
import io.cuepoint.ingest.worker.IngestWorker;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The ingest role: decoding workers in consumer group {@code cuepoint-ingest} against an external Kafka. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Run ingest workers against the Kafka cluster in CUEPOINT_KAFKA_BOOTSTRAP_SERVERS.")
final class IngestRoleCommand implements Callable<Integer> {
    @ParentCommand
    CuepointCommand parent;

    @Option(names = "--workers", defaultValue = "${env:CUEPOINT_INGEST_WORKERS:-1}",
            description = "decoding workers in this process (env CUEPOINT_INGEST_WORKERS, default 1)")
    int workers;

    @Override
    public Integer call() throws InterruptedException {
        var env = parent.environment();
        var config = IngestConfig.fromEnvironment(env);
        var kafka = Settings.kafkaClient(env);
        return Roles.runWorkers("ingest", workers, config.describe(), env, kafka, i -> new IngestWorker(config, kafka));
    }
}
