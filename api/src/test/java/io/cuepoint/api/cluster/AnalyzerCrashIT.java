package io.cuepoint.api.cluster;

import static io.cuepoint.api.cluster.FaultChecks.FAST_FAILOVER;
import static io.cuepoint.api.cluster.FaultChecks.comparable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analyzer killed with SIGKILL in the middle of a video: the other analyzer takes its partitions over,
 * analyses the segments it left unfinished again, and the timeline equals the one of an undisturbed run of
 * the same file in the same cluster, event for event (every default detector: tracks, poses, boxes).
 */
class AnalyzerCrashIT {
    private static final Duration RUN = Duration.ofMinutes(6);

    @TempDir
    Path dir;

    @Test
    void aKilledAnalyzerLosesAndDuplicatesNothing() throws Exception {
        try (var cluster = ClusterHarness.start(dir, 1)) {
            var apiRole = cluster.startRole("api", FAST_FAILOVER);
            cluster.startRole("ingest", FAST_FAILOVER);
            var doomed = cluster.startRole("analyzer", FAST_FAILOVER);
            var survivor = cluster.startRole("analyzer", FAST_FAILOVER);
            var api = cluster.api(apiRole);
            api.awaitHealthy(Duration.ofMinutes(3));
            // 24 s in 2 s segments: 12 segments over the 12 frame partitions, half of them the doomed analyzer's.
            Path media = FaultChecks.walkers(cluster.mediaDir(), 24);

            String reference = api.submit(media);
            assertThat(api.awaitFinished(reference, RUN)).isEqualTo("COMPLETED");
            var expected = comparable(api.events(reference), reference);
            int segments = api.video(reference).at("/counts/segmentsExpected").asInt();
            assertThat(expected).isNotEmpty();
            System.out.printf("%s: the undisturbed run has %d events%n", getClass().getSimpleName(), expected.size());
            assertThat(segments).isEqualTo(12);

            String disturbed = api.submit(media);
            // Some segments are done and others are not: the doomed analyzer is in the middle of the video.
            await().atMost(RUN).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> api.video(disturbed).at("/counts/segmentsDone").asInt() >= 2);
            int doneAtKill = api.video(disturbed).at("/counts/segmentsDone").asInt();
            long assignmentsBefore = assignments(survivor);
            doomed.kill();
            long killed = System.nanoTime();
            assertThat(doneAtKill).as("killed mid-video").isLessThan(segments);
            // The survivor is given the dead analyzer's partitions once its session expired.
            await().atMost(RUN).pollInterval(Duration.ofMillis(100)).until(() -> assignments(survivor) > assignmentsBefore);
            System.out.printf("AnalyzerCrashIT: partitions moved %d ms after SIGKILL (session.timeout.ms %s)%n",
                    (System.nanoTime() - killed) / 1_000_000, FAST_FAILOVER.get("CUEPOINT_KAFKA_SESSION_TIMEOUT_MS"));

            assertThat(api.awaitFinished(disturbed, RUN)).isEqualTo("COMPLETED");
            assertThat(survivor.isAlive()).isTrue();
            assertThat(comparable(api.events(disturbed), disturbed)).as("same events as the undisturbed run")
                    .isEqualTo(expected);
            assertThat(api.video(disturbed).at("/counts/events").asLong())
                    .isEqualTo(api.video(reference).at("/counts/events").asLong());
            assertThat(api.video(disturbed).at("/counts/segmentsDone").asInt()).isEqualTo(segments);
        }
    }

    private static long assignments(RoleProcess analyzer) {
        return analyzer.logText().lines().filter(l -> l.contains("assigned [") && !l.contains("assigned []")).count();
    }
}
