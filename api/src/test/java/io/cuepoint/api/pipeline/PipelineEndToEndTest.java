package io.cuepoint.api.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.consume.AnalyzerWorker;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.embedded.AllInOne;
import io.cuepoint.api.store.VideoStatus;
import io.cuepoint.api.submit.VideoSubmissions;
import io.cuepoint.api.timeline.EventResource;
import io.cuepoint.api.timeline.TimelineExport;
import io.cuepoint.api.timeline.TimelineService;
import io.cuepoint.api.timeline.VideoResource;
import io.cuepoint.ingest.IngestConfig;
import io.cuepoint.ingest.testing.TestMedia;
import io.cuepoint.ingest.wire.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the embedded default: a clip made here with hard cuts at known frames goes
 * through decoding, the real broker, the analyzer and the materializer into the real PostgreSQL.
 * Segments are 2 s long so that a 6 s clip spans three segments and one cut lies exactly on a
 * segment boundary.
 */
class PipelineEndToEndTest {
    private static final double FPS = 25;
    /** Frame 50 is the first frame of segment 1 (2 s at 25 fps): only the lead-in frame reveals it. */
    private static final int[] CUTS = {20, 50, 90, 126};

    @TempDir
    static Path dir;

    private static AllInOne cuepoint;
    private static TestMedia.Clip clip;

    @BeforeAll
    static void start() {
        clip = TestMedia.generateClipWithCuts(dir.resolve("cuts.mp4"), 320, 240, FPS, 150, CUTS);
        var ingest = IngestConfig.defaults();
        var shortSegments = new IngestConfig(2_000, ingest.sampleFps(), ingest.analysisMaxSide(),
                ingest.thumbnailWidth(), ingest.jpegQuality(), ingest.audioWindowMs(), ingest.decoderThreads(),
                ingest.progressIntervalMs());
        cuepoint = AllInOne.start(new AllInOne.Options(dir.resolve("data"), shortSegments, AnalyzerConfig.defaults(),
                false, Map.of("cuepoint.api-keys", "test-key", "cuepoint.allow-server-paths", true,
                        "cuepoint.server-path-roots", dir.toString())));
    }

    @AfterAll
    static void stop() {
        if (cuepoint != null) {
            cuepoint.close();
        }
    }

    @Test
    void hardCutsComeOutOnTheirFramesAndReplayingTheEventsChangesNothing() throws Exception {
        VideoResource video = analyse(clip.path());
        assertThat(video.counts().segmentsDone()).isEqualTo(3);
        TimelineExport export = export(video.id());

        List<Long> cutFrames = export.events().stream().filter(e -> e.type().equals("shot.cut"))
                .map(EventResource::startFrame).toList();
        assertThat(cutFrames).hasSize(CUTS.length);
        for (int i = 0; i < CUTS.length; i++) {
            assertThat(cutFrames.get(i)).as("cut %d", i).isBetween(CUTS[i] - 1L, CUTS[i] + 1L);
        }
        // Motion intervals that crossed segment boundaries were merged: the same state never repeats.
        var motion = export.events().stream().filter(e -> e.type().startsWith("motion.")).toList();
        assertThat(motion).isNotEmpty();
        for (int i = 1; i < motion.size(); i++) {
            assertThat(motion.get(i).type()).isNotEqualTo(motion.get(i - 1).type());
            assertThat(motion.get(i).startMs()).isEqualTo(motion.get(i - 1).endMs());
        }

        String before = json(export);
        int replayed = replayEventsTopic();
        assertThat(replayed).isGreaterThanOrEqualTo(3);
        awaitMaterializerCaughtUp();
        assertThat(json(export(video.id()))).isEqualTo(before);
    }

    @Test
    void twoAnalyzersShareTheSegmentsOfOneVideoAndAgreeWithOne() throws Exception {
        Path longer = TestMedia.generateClipWithCuts(dir.resolve("longer.mp4"), 320, 240, FPS, 500,
                new int[] {40, 100, 175, 250, 333, 420}).path();
        List<String> single = comparable(export(analyse(longer).id()));

        Map<String, Object> client = new HashMap<>();
        client.put("bootstrap.servers", cuepoint.kafkaBootstrapServers());
        try (var second = new AnalyzerWorker(AnalyzerConfig.defaults(), client)) {
            var thread = new Thread(second, "analyzer-1");
            thread.start();
            awaitTwoAnalyzersWithPartitions();
            List<String> shared = comparable(export(analyse(longer).id()));
            assertThat(shared).isEqualTo(single);
            assertThat(single).anyMatch(e -> e.startsWith("shot.cut"));
        }
    }

    private VideoResource analyse(Path file) {
        var submitted = cuepoint.context().getBean(VideoSubmissions.class)
                .submitPath(Principal.local(), null, file.toString());
        var timelines = cuepoint.context().getBean(TimelineService.class);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> Set.of(VideoStatus.COMPLETED, VideoStatus.FAILED)
                        .contains(timelines.video(submitted.id()).status()));
        VideoResource video = timelines.video(submitted.id());
        assertThat(video.status()).as("status, error %s", video.error()).isEqualTo(VideoStatus.COMPLETED);
        return video;
    }

    private TimelineExport export(String id) {
        return TimelineExport.of(cuepoint.context().getBean(TimelineService.class).timeline(id));
    }

    private String json(TimelineExport export) throws Exception {
        return cuepoint.context().getBean(ObjectMapper.class).writeValueAsString(export);
    }

    /** Everything about an event except the ids that name its video. */
    private static List<String> comparable(TimelineExport export) {
        return export.events().stream().map(e -> String.join("|", e.type(), Long.toString(e.startMs()),
                Long.toString(e.endMs()), Long.toString(e.startFrame()), Long.toString(e.endFrame()),
                String.format("%.6f", e.confidence()), String.valueOf(e.attributes()))).toList();
    }

    /** Reads the events topic from the start and publishes every record again, as a replay would. */
    private int replayEventsTopic() {
        var records = new ArrayList<ProducerRecord<String, byte[]>>();
        try (var consumer = new KafkaConsumer<>(client(), new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(Topics.EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    records.add(new ProducerRecord<>(r.topic(), r.key(), r.value()));
                }
            }
        }
        try (var producer = new KafkaProducer<>(client(), new StringSerializer(), new ByteArraySerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
        return records.size();
    }

    private void awaitMaterializerCaughtUp() {
        try (var admin = Admin.create(client())) {
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("cuepoint-api")
                        .partitionsToOffsetAndMetadata().get();
                var partitions = committed.keySet().stream().filter(p -> p.topic().equals(Topics.EVENTS))
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                var ends = admin.listOffsets(partitions).all().get();
                return !partitions.isEmpty() && partitions.keySet().stream()
                        .allMatch(p -> committed.get(p).offset() == ends.get(p).offset());
            });
        }
    }

    private void awaitTwoAnalyzersWithPartitions() {
        try (var admin = Admin.create(client())) {
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                var group = admin.describeConsumerGroups(List.of("cuepoint-analyzer")).all().get()
                        .get("cuepoint-analyzer");
                return group.members().size() == 2 && group.members().stream()
                        .allMatch(m -> !m.assignment().topicPartitions().isEmpty());
            });
        }
    }

    private static Map<String, Object> client() {
        Map<String, Object> client = new HashMap<>();
        client.put("bootstrap.servers", cuepoint.kafkaBootstrapServers());
        return client;
    }

}
