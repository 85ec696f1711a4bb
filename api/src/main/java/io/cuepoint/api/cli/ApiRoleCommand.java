package io.cuepoint.api.cli;

import io.cuepoint.api.CuepointApi;
import io.cuepoint.api.config.KafkaClients;
import io.cuepoint.api.config.MaterializerConfig;
import io.cuepoint.api.materialize.Materializer;
import io.cuepoint.api.ops.ConsumerGroups;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * The api role: REST api and materializer against an external Kafka and PostgreSQL. Micronaut reads
 * its settings from the environment ({@code CUEPOINT_*}, {@code DATASOURCES_DEFAULT_*}).
 */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = "Run the REST api and the materializer against external Kafka and PostgreSQL.")
final class ApiRoleCommand implements Callable<Integer> {
    @ParentCommand
    CuepointCommand parent;

    @Override
    public Integer call() throws InterruptedException {
        var env = parent.environment();
        var kafka = Settings.kafkaClient(env);
        var stopped = new CountDownLatch(1);
        try (var management = Roles.management(env)) {
            Roles.ensureTopics(env, kafka);
            var properties = new HashMap<String, Object>();
            properties.put("cuepoint.kafka.bootstrap-servers", kafka.get("bootstrap.servers"));
            // The CUEPOINT_KAFKA_<PROPERTY> passthrough, checked by Settings, for the api's own clients.
            Settings.kafkaPassthrough(env).forEach((k, v) -> properties.put(KafkaClients.PASSTHROUGH + "." + k, v));
            try (var context = CuepointApi.start(properties)) {
                var materializer = context.findBean(Materializer.class);
                management.kafka(kafka, ConsumerGroups.api(context.getBean(MaterializerConfig.class).groupId()))
                        .database(context.getBean(DataSource.class))
                        .liveness(() -> materializer.filter(m -> !m.isRunning())
                                .map(m -> List.of("materializer: stopped")).orElse(List.of()))
                        .ready();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    context.close();
                    stopped.countDown();
                }, "cuepoint-shutdown"));
                stopped.await();
            }
        }
        return 0;
    }
}
