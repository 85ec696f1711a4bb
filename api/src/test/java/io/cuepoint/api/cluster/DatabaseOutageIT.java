package io.cuepoint.api.cluster;

import static io.cuepoint.api.cluster.FaultChecks.comparable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL unavailable for 30 seconds in the middle of a video: the api answers 503 problems meanwhile, the
 * materializer retries without committing past what it could not write, and once the database is back it
 * catches up: the timeline equals the undisturbed run's, and the video completed once (one webhook delivery).
 */
class DatabaseOutageIT {
    private static final Duration RUN = Duration.ofMinutes(6);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Map<String, String> TEMPORAL = Map.of("CUEPOINT_DETECTORS", "shots,motion,technical,slides");

    @TempDir
    Path dir;

    @Test
    void theMaterializerCatchesUpAfterThirtySecondsWithoutTheDatabase() throws Exception {
        try (var cluster = ClusterHarness.start(dir, 1)) {
            var env = cluster.roleEnvironment();
            var apiRole = cluster.startRole("api", Map.of());
            cluster.startRole("ingest", Map.of());
            var analyzerEnv = new HashMap<String, String>(TEMPORAL);
            cluster.startRole("analyzer", analyzerEnv);
            var api = cluster.api(apiRole);
            api.awaitHealthy(Duration.ofMinutes(3));
            FaultChecks.subscribeToCompletions(env);
            Path media = FaultChecks.walkers(cluster.mediaDir(), 40);

            String reference = api.submit(media);
            assertThat(api.awaitFinished(reference, RUN)).isEqualTo("COMPLETED");
            var expected = comparable(api.events(reference), reference);
            assertThat(expected).isNotEmpty();
            System.out.printf("%s: the undisturbed run has %d events%n", getClass().getSimpleName(), expected.size());

            String disturbed = api.submit(media);
            await().atMost(RUN).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> api.video(disturbed).at("/counts/segmentsDone").asInt() >= 1);
            cluster.stopDatabase();
            long down = System.nanoTime();

            var answer = FaultChecks.get(apiRole, env, "/api/v1/videos/" + disturbed);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
            assertThat(answer.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
            assertThat(answer.body()).contains("database is not available").doesNotContain("Exception");
            // Down for the whole rest of the analysis, and at least 30 s: the pipeline ran on without the database.
            await().atMost(RUN).pollInterval(Duration.ofSeconds(1)).until(() ->
                    Duration.ofNanos(System.nanoTime() - down).compareTo(OUTAGE) >= 0
                            && cluster.consumerLag("cuepoint-analyzer") == 0);
            assertThat(cluster.consumerLag("cuepoint-api")).as("the materializer committed nothing it could not write")
                    .isPositive();
            assertThat(apiRole.logText()).contains("cannot apply record");
            cluster.startDatabase();

            assertThat(api.awaitFinished(disturbed, RUN)).isEqualTo("COMPLETED");
            assertThat(comparable(api.events(disturbed), disturbed)).as("same events as the undisturbed run")
                    .isEqualTo(expected);
            assertThat(FaultChecks.deliveries(env, disturbed)).containsExactly("video.completed 1");
            await().atMost(Duration.ofMinutes(2)).until(() -> cluster.consumerLag("cuepoint-api") == 0);
            assertThat(apiRole.logText()).contains("materializer caught up after");
            assertThat(apiRole.isAlive()).isTrue();
        }
    }
}
