package io.cuepoint.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cuepoint.ingest.testing.TestMedia;
import io.cuepoint.ingest.wire.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #7's broker fault: one of three brokers goes away in the middle of a run (SIGTERM, a controlled
 * shutdown; or SIGKILL, a crash). With replication factor 3 and two in-sync replicas required, the
 * remaining two carry every topic, the run completes with the timeline the clip was generated with,
 * and the broker, started again on its storage, catches up until every partition is fully in sync.
 */
class BrokerFailureIT {
    private static final int SECONDS = 60;
    private static final List<String> TOPICS = List.of(Topics.JOBS, Topics.FRAMES, Topics.EVENTS, Topics.PROGRESS,
            "__consumer_offsets");

    private static ClusterHarness cluster;
    private static ClusterApi api;

    @BeforeAll
    static void startCluster() {
        cluster = ClusterHarness.start(ClusterHarness.testDirectory(BrokerFailureIT.class), 3);
        var apiRole = cluster.startRole("api", Map.of());
        cluster.startRole("ingest", Map.of());
        cluster.startRole("analyzer", Map.of());
        api = cluster.api(apiRole);
        api.awaitHealthy(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aRunCompletesWhileTheAnalyzersGroupCoordinatorIsStopped() {
        // The broker that coordinates the analyzers' group: stopping it moves the group and some leaders.
        runWithBrokerAway("sigterm.mp4", () -> cluster.clusterAdmin().group("cuepoint-analyzer").coordinator().id(),
                cluster::stopBroker);
    }

    @Test
    void aRunCompletesWhileALeaderOfFramePartitionsIsKilled() {
        // The broker leading partition 0 of the frames topic dies without a controlled shutdown.
        runWithBrokerAway("sigkill.mp4", () -> cluster.clusterAdmin().describeTopics(List.of(Topics.FRAMES))
                .get(Topics.FRAMES).partitions().get(0).leader().id(), cluster::killBroker);
    }

    private void runWithBrokerAway(String name, java.util.function.IntSupplier node, IntConsumer stop) {
        TestMedia.Clip clip = ClusterClips.withCuts(cluster.mediaDir(), name, SECONDS);
        int segments = ClusterClips.segments(clip, 2);
        String id = api.submit(clip.path());
        // In the middle: frames are still flowing and the first segment's events are materialised.
        await().alias("first segments of " + name + " done").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> api.video(id).at("/counts/segmentsDone").asInt() >= 1);
        int broker = node.getAsInt() - 1;
        stop.accept(broker);
        assertThat(cluster.brokerRunning(broker)).isFalse();
        int doneWhenStopped = api.video(id).at("/counts/segmentsDone").asInt();

        assertThat(api.awaitFinished(id, Duration.ofMinutes(4))).isEqualTo("COMPLETED");
        var video = api.video(id);
        assertThat(doneWhenStopped).as("the broker went away before the run ended").isLessThan(segments);
        assertThat(video.at("/counts/segmentsDone").asInt()).isEqualTo(segments);
        var events = api.events(id);
        ClusterClips.assertCutsMatch(events, clip);
        ClusterClips.assertNoDuplicates(events);

        cluster.startBroker(broker);
        await().alias("broker " + broker + " back in every in-sync replica set").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> cluster.clusterAdmin().underReplicated(TOPICS).isEmpty());
    }
}
