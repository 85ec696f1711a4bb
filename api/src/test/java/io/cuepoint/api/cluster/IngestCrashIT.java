package io.cuepoint.api.cluster;

import static io.cuepoint.api.cluster.FaultChecks.FAST_FAILOVER;
import static io.cuepoint.api.cluster.FaultChecks.comparable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cuepoint.ingest.testing.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest worker killed with SIGKILL while it decodes: the other worker decodes the job again from the
 * start, and the video finishes once (one transition to COMPLETED, one video.completed delivery in the
 * webhook outbox, progress never going backwards) with the timeline of an undisturbed run.
 */
class IngestCrashIT {
    private static final Duration RUN = Duration.ofMinutes(6);
    /** Temporal detectors only: this test is about decoding, and a long video keeps the decoder busy long enough. */
    private static final Map<String, String> TEMPORAL = Map.of("CUEPOINT_DETECTORS", "shots,motion,technical");

    @TempDir
    Path dir;

    @Test
    void aJobWhoseWorkerDiedFinishesOnceWithTheSameTimeline() throws Exception {
        try (var cluster = ClusterHarness.start(dir, 1)) {
            var env = cluster.roleEnvironment();
            var apiRole = cluster.startRole("api", FAST_FAILOVER);
            var ingests = List.of(cluster.startRole("ingest", FAST_FAILOVER), cluster.startRole("ingest", FAST_FAILOVER));
            var analyzerEnv = new HashMap<>(FAST_FAILOVER);
            analyzerEnv.putAll(TEMPORAL);
            cluster.startRole("analyzer", analyzerEnv);
            var api = cluster.api(apiRole);
            api.awaitHealthy(Duration.ofMinutes(3));
            FaultChecks.subscribeToCompletions(env);
            // 2 min at 25 fps with cuts: several seconds of decoding, 60 segments of 2 s.
            Path media = TestMedia.generateClipWithCuts(cluster.mediaDir().resolve("long.mp4"), 640, 360, 25, 3000,
                    new int[] {400, 1300, 2200}).path();

            String reference = api.submit(media);
            assertThat(api.awaitFinished(reference, RUN)).isEqualTo("COMPLETED");
            var expected = comparable(api.events(reference), reference);
            assertThat(expected).isNotEmpty();
            System.out.printf("%s: the undisturbed run has %d events%n", getClass().getSimpleName(), expected.size());

            String disturbed = api.submit(media);
            var decoder = new RoleProcess[1];
            var progress = new ArrayList<Double>();
            // The worker that took the job has decoded some frames, not all of them.
            await().atMost(RUN).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
                for (var ingest : ingests) {
                    if (FaultChecks.logContains(ingest, disturbed + ": job from")) {
                        decoder[0] = ingest;
                    }
                }
                var video = api.video(disturbed);
                return decoder[0] != null && video.at("/counts/frames").asLong() > 0;
            });
            var atKill = api.video(disturbed);
            decoder[0].kill();
            long killed = System.nanoTime();
            // The segment count is known once decoding completed: not yet.
            assertThat(atKill.at("/counts/segmentsExpected").isMissingNode() || atKill.at("/counts/segmentsExpected").isNull())
                    .as("killed while decoding: %s", atKill).isTrue();
            assertThat(atKill.get("status").asText()).isIn("DECODING", "ANALYZING");
            var other = ingests.get(0) == decoder[0] ? ingests.get(1) : ingests.get(0);
            await().atMost(RUN).pollInterval(Duration.ofMillis(100))
                    .until(() -> FaultChecks.logContains(other, disturbed + ": job from"));
            System.out.printf("IngestCrashIT: job taken over %d ms after SIGKILL (session.timeout.ms %s)%n",
                    (System.nanoTime() - killed) / 1_000_000, FAST_FAILOVER.get("CUEPOINT_KAFKA_SESSION_TIMEOUT_MS"));

            await().atMost(RUN).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                var video = api.video(disturbed);
                progress.add(video.get("progress").asDouble());
                return video.get("status").asText().equals("COMPLETED") || video.get("status").asText().equals("FAILED");
            });
            assertThat(api.video(disturbed).get("status").asText()).isEqualTo("COMPLETED");
            assertThat(FaultChecks.logContains(other, disturbed + ": job from")).as("decoded again by the other worker")
                    .isTrue();
            assertThat(progress).as("progress never goes backwards").isSortedAccordingTo(Double::compare);
            assertThat(FaultChecks.deliveries(env, disturbed)).as("one video.completed delivery")
                    .containsExactly("video.completed 1");
            assertThat(comparable(api.events(disturbed), disturbed)).as("same events as the undisturbed run")
                    .isEqualTo(expected);
            var completedAt = api.video(disturbed).get("completedAt").asText();
            assertThat(api.video(disturbed).at("/counts/segmentsDone").asInt())
                    .isEqualTo(api.video(reference).at("/counts/segmentsDone").asInt());
            // Still once: nothing left in flight moves it again.
            await().atMost(Duration.ofMinutes(2)).until(() -> cluster.consumerLag("cuepoint-analyzer") == 0
                    && cluster.consumerLag("cuepoint-api") == 0);
            assertThat(api.video(disturbed).get("completedAt").asText()).isEqualTo(completedAt);
            assertThat(FaultChecks.deliveries(env, disturbed)).containsExactly("video.completed 1");
        }
    }
}
