package io.cuepoint.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cuepoint.ingest.testing.TestMedia;
import io.cuepoint.ingest.wire.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #7's scale-out: ingest, two analyzer processes and the api, each its own process of the packaged
 * program, against three KRaft brokers (replication factor 3, min in-sync replicas 2) and PostgreSQL. A
 * one-minute video's 30 segments are spread over both analyzers by the frames topic's partitions, and
 * the timeline that comes back holds exactly the cuts the clip was generated with.
 */
class ScaleOutIT {
    private static final int SECONDS = 60;
    private static final List<String> TOPICS = List.of(Topics.JOBS, Topics.FRAMES, Topics.EVENTS, Topics.PROGRESS,
            Topics.DEAD_LETTERS);

    private static ClusterHarness cluster;
    private static RoleProcess analyzerA;
    private static RoleProcess analyzerB;
    private static ClusterApi api;

    @BeforeAll
    static void startCluster() {
        cluster = ClusterHarness.start(ClusterHarness.testDirectory(ScaleOutIT.class), 3);
        // Two cores for everything: one TensorFlow thread per analyzer keeps them from starving each other.
        var analyzerEnv = Map.of("CUEPOINT_TF_THREADS", "1");
        var apiRole = cluster.startRole("api", Map.of());
        cluster.startRole("ingest", Map.of());
        analyzerA = cluster.startRole("analyzer", analyzerEnv);
        analyzerB = cluster.startRole("analyzer", analyzerEnv);
        api = cluster.api(apiRole);
        api.awaitHealthy(Duration.ofMinutes(3));
        // Both analyzers own frame partitions before the video comes, so neither takes it all.
        await().alias("two analyzers share the frames topic").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> cluster.clusterAdmin().spreadOver("cuepoint-analyzer", 2));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void topicsAreReplicatedThreeTimesWithTwoInSync() {
        var described = cluster.clusterAdmin().describeTopics(TOPICS);
        assertThat(described).containsOnlyKeys(TOPICS);
        assertThat(described.get(Topics.FRAMES).partitions()).hasSize(ClusterHarness.FRAME_PARTITIONS);
        described.values().forEach(topic -> topic.partitions().forEach(p -> {
            assertThat(p.replicas()).as("%s-%d replicas", topic.name(), p.partition()).hasSize(3);
            assertThat(p.isr()).as("%s-%d in-sync replicas", topic.name(), p.partition()).hasSize(3);
        }));
        for (String topic : TOPICS) {
            assertThat(cluster.clusterAdmin().topicConfig(topic, "min.insync.replicas")).as(topic).isEqualTo("2");
        }
        // The groups' offsets are as safe as the records: the offsets topic is replicated the same way.
        var offsets = cluster.clusterAdmin().describeTopics(List.of("__consumer_offsets")).get("__consumer_offsets");
        offsets.partitions().forEach(p -> assertThat(p.replicas()).hasSize(3));
        assertThat(cluster.clusterAdmin().topicConfig("__consumer_offsets", "min.insync.replicas")).isEqualTo("2");
    }

    @Test
    void oneLongVideoIsAnalysedByBothAnalyzers() {
        TestMedia.Clip clip = ClusterClips.withCuts(cluster.mediaDir(), "scale-out.mp4", SECONDS);
        int segments = ClusterClips.segments(clip, 2);

        String id = api.submit(clip.path());
        assertThat(api.awaitFinished(id, Duration.ofMinutes(4))).isEqualTo("COMPLETED");

        var video = api.video(id);
        assertThat(video.at("/counts/segmentsExpected").asInt()).isEqualTo(segments);
        assertThat(video.at("/counts/segmentsDone").asInt()).isEqualTo(segments);
        var events = api.events(id);
        ClusterClips.assertCutsMatch(events, clip);
        ClusterClips.assertNoDuplicates(events);

        var byA = ClusterClips.segmentsAnalysed(analyzerA, id);
        var byB = ClusterClips.segmentsAnalysed(analyzerB, id);
        assertThat(byA).as("segments analysed by %s", analyzerA).isNotEmpty();
        assertThat(byB).as("segments analysed by %s", analyzerB).isNotEmpty();
        var all = new TreeSet<>(byA);
        all.addAll(byB);
        assertThat(all).as("every segment analysed by one of them")
                .containsExactlyElementsOf(IntStream.range(0, segments).boxed().toList());
    }
}
