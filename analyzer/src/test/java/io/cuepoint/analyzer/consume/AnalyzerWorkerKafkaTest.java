package io.cuepoint.analyzer.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.detect.SegmentAnalyzer;
import io.cuepoint.analyzer.detect.ShotCutDetector;
import io.cuepoint.analyzer.detect.SyntheticVideo;
import io.cuepoint.analyzer.wire.AnalysisProgress;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.SegmentEvents;
import io.cuepoint.ingest.wire.FrameRecord;
import io.cuepoint.ingest.wire.ProgressRecord;
import io.cuepoint.ingest.wire.SegmentRecord;
import io.cuepoint.ingest.wire.Topics;
import io.cuepoint.ingest.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker against a real broker. The synthetic video has 25 fps and segments of 50 frames; ground
 * truth in {@link #oneWorkerPublishesEverySegmentAndCommitsOnlyAfterwards()}.
 */
class AnalyzerWorkerKafkaTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private KafkaTestCluster kafka;
    private final List<AnalyzerWorker> workers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        kafka = new KafkaTestCluster();
    }

    @AfterEach
    void stop() throws Exception {
        workers.forEach(AnalyzerWorker::close);
        kafka.close();
    }

    @Test
    void oneWorkerPublishesEverySegmentAndCommitsOnlyAfterwards() throws Exception {
        // Cuts on frames 30 (segment 0), 100 (first frame of segment 2) and 160 (segment 3); a flash
        // on 70–71 (segment 1) that must not count.
        var video = new SyntheticVideo("vid-k", 200, 50, Set.of(30, 100, 160), Set.of(70), 6);
        var segments = IntStream.range(0, 4).mapToObj(video::records).toList();
        interleave(segments, 0, 4, () -> kafka.publish("vid-k/1", "{not json".getBytes(StandardCharsets.UTF_8)));
        kafka.flush();
        var end = kafka.frameEndOffsets();

        startWorker();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.committedOffsets()).isEqualTo(end));
        // The offsets are at the end: everything must already be on the events topic, read up to its
        // current end and not a record further.
        var results = segmentEvents("vid-k");
        assertThat(results.keySet()).containsExactly(0, 1, 2, 3);
        assertThat(results).allSatisfy((segment, events) -> {
            assertThat(events.frames()).isEqualTo(50);
            assertThat(events.error()).isNull();
        });
        assertThat(cutFrames(results.get(0))).containsExactly(30L);
        assertThat(cutFrames(results.get(1))).isEmpty();
        assertThat(cutFrames(results.get(2))).containsExactly(100L);
        assertThat(cutFrames(results.get(3))).containsExactly(160L);
        assertThat(results).allSatisfy((segment, events) -> assertThat(events.events())
                .anyMatch(e -> e.type().startsWith("motion.")));

        var progress = analysisProgress("vid-k");
        assertThat(progress).extracting(AnalysisProgress::segment).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(progress).allSatisfy(p -> {
            assertThat(p.state()).isEqualTo(AnalysisProgress.State.DONE);
            assertThat(p.events()).isEqualTo(results.get(p.segment()).events().size());
        });
        // The malformed record was skipped and the worker is still consuming. Next, a segment whose
        // analysis images are not JPEGs: the motion detector fails, the shot cut is still published.
        assertThat(workers.get(0).isRunning()).isTrue();
        var broken = new SyntheticVideo("vid-broken", 50, 50, Set.of(20), Set.of(), 6).segment(0);
        broken.frames().stream().map(f -> f.sampled() ? new FrameRecord(f.schema(), f.videoId(), f.segment(), f.frame(),
                f.ptsMs(), false, f.thumbWidth(), f.thumbHeight(), f.thumbnail(), new byte[] {1, 2, 3}, 4, 3) : f)
                .forEach(kafka::publish);
        kafka.publish(broken.end());
        kafka.flush();
        var endAfter = kafka.frameEndOffsets();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.committedOffsets()).isEqualTo(endAfter));
        var brokenResult = segmentEvents("vid-broken").get(0);
        assertThat(brokenResult.error()).startsWith("motion: ");
        assertThat(cutFrames(brokenResult)).containsExactly(20L);
        assertThat(analysisProgress("vid-broken")).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(AnalysisProgress.State.FAILED);
            assertThat(p.error()).isEqualTo(brokenResult.error());
        });
        assertThat(workers.get(0).isRunning()).isTrue();
    }

    @Test
    void twoWorkersInOneGroupShareTheSegmentsAndTogetherMatchOneAnalyzer() throws Exception {
        var videoId = spreadOverAllPartitions(8);
        var video = new SyntheticVideo(videoId, 400, 50, Set.of(30, 100, 175, 260, 350), Set.of(220), 6);
        var segments = IntStream.range(0, 8).mapToObj(video::records).toList();
        var analyzer = new SegmentAnalyzer(AnalyzerConfig.defaults());
        var expected = IntStream.range(0, 8).boxed()
                .flatMap(i -> analyzer.analyze(video.segment(i)).events().stream())
                .map(EventKey::of).collect(Collectors.toSet());

        startWorker();
        interleave(segments, 0, 4, () -> { });
        kafka.flush();
        startWorker();
        // Both members hold partitions: the group rebalanced over the two workers.
        await().atMost(PATIENCE).untilAsserted(() -> {
            var group = kafka.admin.describeConsumerGroups(List.of(AnalyzerClients.GROUP_ID)).all().get()
                    .get(AnalyzerClients.GROUP_ID);
            assertThat(group.members()).hasSize(2)
                    .allSatisfy(m -> assertThat(m.assignment().topicPartitions()).isNotEmpty());
        });
        interleave(segments, 4, 8, () -> { });
        kafka.flush();
        var end = kafka.frameEndOffsets();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.committedOffsets()).isEqualTo(end));
        var results = segmentEvents(videoId);
        assertThat(results.keySet()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
        var union = kafka.readAll(Topics.EVENTS).stream()
                .map(r -> WireJson.read(r.value(), SegmentEvents.class))
                .filter(e -> e.videoId().equals(videoId))
                .flatMap(e -> e.events().stream()).map(EventKey::of).collect(Collectors.toSet());
        assertThat(union).isEqualTo(expected);
        assertThat(expected).filteredOn(k -> k.type.equals(ShotCutDetector.CUT)).extracting(k -> k.startFrame)
                .containsExactlyInAnyOrder(30L, 100L, 175L, 260L, 350L);
    }

    /**
     * A video id whose first {@code segments} segment keys land on every frames partition (the producer's
     * default partitioner: murmur2 of the key), so that each worker of the group gets segments to do.
     */
    private static String spreadOverAllPartitions(int segments) {
        for (int n = 0; ; n++) {
            var id = "vid-" + n;
            var partitions = IntStream.range(0, segments)
                    .map(s -> Utils.toPositive(Utils.murmur2(Topics.segmentKey(id, s).getBytes(StandardCharsets.UTF_8)))
                            % KafkaTestCluster.FRAME_PARTITIONS)
                    .boxed().collect(Collectors.toSet());
            if (partitions.size() == KafkaTestCluster.FRAME_PARTITIONS) {
                return id;
            }
        }
    }

    private void startWorker() {
        var worker = new AnalyzerWorker(AnalyzerConfig.defaults(), kafka.clientProperties());
        workers.add(worker);
        new Thread(worker, "analyzer-" + workers.size()).start();
    }

    /** Publishes segments [from, to) one record of each in turn, as a busy ingest would; then {@code extra}. */
    private void interleave(List<List<SegmentRecord>> segments, int from, int to, Runnable extra) {
        int longest = segments.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (int s = from; s < to; s++) {
                if (i < segments.get(s).size()) {
                    kafka.publish(segments.get(s).get(i));
                }
            }
            if (i == longest / 2) {
                extra.run();
            }
        }
    }

    /** The latest SegmentEvents of each segment of the video. */
    private Map<Integer, SegmentEvents> segmentEvents(String videoId) {
        var bySegment = new TreeMap<Integer, SegmentEvents>();
        for (var record : kafka.readAll(Topics.EVENTS)) {
            var events = WireJson.read(record.value(), SegmentEvents.class);
            assertThat(record.key()).isEqualTo(events.videoId());
            if (events.videoId().equals(videoId)) {
                bySegment.put(events.segment(), events);
            }
        }
        return bySegment;
    }

    private List<AnalysisProgress> analysisProgress(String videoId) {
        return kafka.readAll(Topics.PROGRESS).stream()
                .filter(r -> AnalysisProgress.KIND.equals(ProgressRecord.kindOf(r.value())))
                .map(r -> WireJson.read(r.value(), AnalysisProgress.class))
                .filter(p -> p.videoId().equals(videoId)).toList();
    }

    private static List<Long> cutFrames(SegmentEvents events) {
        return events.events().stream().filter(e -> e.type().equals(ShotCutDetector.CUT)).map(Event::startFrame)
                .toList();
    }

    private record EventKey(String id, String type, long startMs, long endMs, long startFrame, long endFrame) {
        static EventKey of(Event e) {
            return new EventKey(e.id(), e.type(), e.startMs(), e.endMs(), e.startFrame(), e.endFrame());
        }
    }
}
