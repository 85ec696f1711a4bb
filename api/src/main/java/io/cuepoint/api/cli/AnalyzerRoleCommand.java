package io.cuepoint.api.cli;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.consume.AnalyzerWorker;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The analyzer role: detector workers in consumer group {@code cuepoint-analyzer}. */
@Command(name = "analyzer", mixinStandardHelpOptions = true,
        description = "Run analyzer workers against the Kafka cluster in CUEPOINT_KAFKA_BOOTSTRAP_SERVERS.")
final class AnalyzerRoleCommand implements Callable<Integer> {
    @ParentCommand
    CuepointCommand parent;

    @Option(names = "--workers", defaultValue = "${env:CUEPOINT_ANALYZER_WORKERS:-1}",
            description = "analyzer workers in this process (env CUEPOINT_ANALYZER_WORKERS, default 1)")
    int workers;

    @Override
    public Integer call() throws InterruptedException {
        var env = parent.environment();
        var config = AnalyzerConfig.fromEnvironment(env);
        var kafka = Settings.kafkaClient(env);
        return Roles.runWorkers("analyzer", workers, config.describe(), env, kafka, i -> new AnalyzerWorker(config, kafka));
    }
}
