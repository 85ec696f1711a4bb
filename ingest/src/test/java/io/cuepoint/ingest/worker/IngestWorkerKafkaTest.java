package io.cuepoint.ingest.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cuepoint.ingest.IngestConfig;
import io.cuepoint.ingest.testing.TestBroker;
import io.cuepoint.ingest.testing.TestMedia;
import io.cuepoint.ingest.wire.DecodeProgress;
import io.cuepoint.ingest.wire.FrameRecord;
import io.cuepoint.ingest.wire.JobRequest;
import io.cuepoint.ingest.wire.SegmentEnd;
import io.cuepoint.ingest.wire.SegmentRecord;
import io.cuepoint.ingest.wire.Topics;
import io.cuepoint.ingest.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker against a real KRaft broker: a bad job is answered with FAILED, the next one completes. */
class IngestWorkerKafkaTest {
    private static KafkaClusterTestKit cluster;

    @BeforeAll
    static void startBroker() throws Exception {
        cluster = TestBroker.start();
        try (var admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.JOBS, 1, (short) 1),
                    new NewTopic(Topics.FRAMES, 3, (short) 1), new NewTopic(Topics.PROGRESS, 1, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void badJobsFailAndTheNextJobCompletes(@TempDir Path dir) throws Exception {
        // 2.5 s at 10 fps with 1 s segments: three segments, a cut at frame 12.
        var clip = TestMedia.generateClipWithCuts(dir.resolve("lecture.mp4"), 160, 120, 10, 25, new int[]{12});
        var config = new IngestConfig(1000, 4.0, 640, 64, 85, 20, 0, 100);
        String bootstrap = cluster.bootstrapServers();
        long jobsBefore = endOffsetOfJobs();

        publishJobs(
                new ProducerRecord<>(Topics.JOBS, "missing-1",
                        WireJson.write(JobRequest.of("missing-1", dir.resolve("nowhere.mp4").toString(), Instant.now()))),
                new ProducerRecord<>(Topics.JOBS, "garbage-2", "{not json".getBytes(StandardCharsets.UTF_8)),
                new ProducerRecord<>(Topics.JOBS, "good-3",
                        WireJson.write(JobRequest.of("good-3", clip.path().toString(), Instant.now()))));

        var progress = new ArrayList<DecodeProgress>();
        var frames = new ArrayList<SegmentRecord>();
        var worker = new IngestWorker(config, Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        var thread = new Thread(worker, "ingest-worker");
        thread.start();
        try (var reader = reader(bootstrap)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (var r : reader.poll(Duration.ofMillis(200))) {
                    if (r.topic().equals(Topics.PROGRESS)) {
                        progress.add(WireJson.read(r.value(), DecodeProgress.class));
                    } else {
                        frames.add(WireJson.read(r.value(), SegmentRecord.class));
                    }
                }
                // Other tests' frames share the topic: read on until this video's three segment ends are in.
                return progress.stream().anyMatch(p -> p.videoId().equals("good-3")
                        && p.state() == DecodeProgress.State.COMPLETED)
                        && frames.stream().filter(r -> r instanceof SegmentEnd && r.videoId().equals("good-3")).count() == 3;
            });
        } finally {
            worker.close();
            thread.join(30_000);
        }
        assertThat(thread.isAlive()).as("worker stopped on close()").isFalse();

        var missing = only(progress, "missing-1");
        assertThat(missing.state()).isEqualTo(DecodeProgress.State.FAILED);
        assertThat(missing.error()).startsWith("file not found: ").endsWith("nowhere.mp4");
        var garbage = only(progress, "garbage-2");
        assertThat(garbage.state()).isEqualTo(DecodeProgress.State.FAILED);
        assertThat(garbage.error()).startsWith("invalid job request");

        var good = progress.stream().filter(p -> p.videoId().equals("good-3")).toList();
        assertThat(good.get(0).state()).isEqualTo(DecodeProgress.State.STARTED);
        assertThat(good.get(0).media().width()).isEqualTo(160);
        var completed = good.get(good.size() - 1);
        assertThat(completed.state()).isEqualTo(DecodeProgress.State.COMPLETED);
        assertThat(completed.segments()).isEqualTo(3);
        assertThat(completed.frames()).isEqualTo(25);
        assertThat(completed.corruptFrames()).isZero();

        // Every frame was published, each once, plus one lead-in per later segment.
        frames.removeIf(r -> !r.videoId().equals("good-3"));
        var frameRecords = frames.stream().filter(r -> r instanceof FrameRecord).map(r -> (FrameRecord) r).toList();
        assertThat(frameRecords.stream().filter(f -> !f.leadIn()).map(FrameRecord::frame))
                .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.range(0, 25).boxed().toList());
        assertThat(frameRecords.stream().filter(FrameRecord::leadIn).map(FrameRecord::segment))
                .containsExactlyInAnyOrder(1, 2);
        var ends = frames.stream().filter(r -> r instanceof SegmentEnd).map(r -> (SegmentEnd) r)
                .sorted(java.util.Comparator.comparingInt(SegmentEnd::segment)).toList();
        assertThat(ends).extracting(SegmentEnd::frameCount).containsExactly(10, 10, 5);
        assertThat(ends).extracting(SegmentEnd::last).containsExactly(false, false, true);
        assertThat(ends.get(2).endMs()).isEqualTo(2500);
        // Within each segment (one key, one partition) the end record comes last.
        Map<Integer, List<SegmentRecord>> bySegment = frames.stream()
                .collect(Collectors.groupingBy(SegmentRecord::segment));
        bySegment.forEach((segment, records) -> {
            assertThat(records.get(records.size() - 1)).isInstanceOf(SegmentEnd.class);
            if (segment > 0) {
                assertThat(((FrameRecord) records.get(0)).leadIn()).isTrue();
            }
        });

        // All three jobs were committed.
        assertThat(committedJobs()).isEqualTo(jobsBefore + 3);
    }

    @Test
    void aJobLongerThanMaxPollIntervalRunsOnceAndIsCommitted() throws Exception {
        String bootstrap = cluster.bootstrapServers();
        long jobsBefore = endOffsetOfJobs();
        publishJobs(new ProducerRecord<>(Topics.JOBS, "long-4",
                WireJson.write(JobRequest.of("long-4", TestMedia.vtest().toString(), Instant.now()))));
        // A consumer that does not poll for a second is put out of the group; vtest.avi takes longer than that.
        var worker = new IngestWorker(IngestConfig.defaults(), Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 1000));
        var thread = new Thread(worker, "ingest-worker-long");
        thread.start();
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> committedJobs() == jobsBefore + 1);
        } finally {
            worker.close();
            thread.join(30_000);
        }

        var progress = new ArrayList<DecodeProgress>();
        try (var reader = reader(bootstrap)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (var r : reader.poll(Duration.ofMillis(200))) {
                    if (r.topic().equals(Topics.PROGRESS) && "long-4".equals(r.key())) {
                        progress.add(WireJson.read(r.value(), DecodeProgress.class));
                    }
                }
                return progress.stream().anyMatch(p -> p.state() == DecodeProgress.State.COMPLETED);
            });
        }
        var started = progress.stream().filter(p -> p.state() == DecodeProgress.State.STARTED).toList();
        var completed = progress.stream().filter(p -> p.state() == DecodeProgress.State.COMPLETED).toList();
        assertThat(started).as("the job ran once").hasSize(1);
        assertThat(completed).hasSize(1);
        assertThat(Duration.between(started.get(0).at(), completed.get(0).at()))
                .as("the job outlasted max.poll.interval.ms, so the keep-alive polls were needed")
                .isGreaterThan(Duration.ofMillis(1000));
        assertThat(completed.get(0).frames()).isEqualTo(795);
        assertThat(completed.get(0).segments()).isEqualTo(3);
        assertThat(progress.stream().filter(p -> p.state() == DecodeProgress.State.PROGRESS)).isNotEmpty()
                .allSatisfy(p -> assertThat(p.fraction()).isBetween(0.0, 1.0));
    }

    @Test
    void aWorkerPutOutOfItsGroupMidJobAbandonsItAndTheJobCompletesOnce(@TempDir Path dir) throws Exception {
        // 2 min at 25 fps, a few seconds of decoding: long enough to be evicted in the middle of it.
        var clip = TestMedia.generateClipWithCuts(dir.resolve("long.mp4"), 640, 360, 25, 3000, new int[]{700});
        long jobsBefore = endOffsetOfJobs();
        publishJobs(new ProducerRecord<>(Topics.JOBS, "evicted-6",
                WireJson.write(JobRequest.of("evicted-6", clip.path().toString(), Instant.now()))));
        var progress = new ArrayList<DecodeProgress>();
        var frames = new ArrayList<FrameRecord>();
        // Frequent heartbeats: the worker learns that it was put out of the group within a fraction of the job.
        var worker = new IngestWorker(new IngestConfig(10_000, 4.0, 640, 64, 85, 20, 0, 100),
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 100));
        var thread = new Thread(worker, "ingest-worker-evicted");
        thread.start();
        try (var reader = reader(cluster.bootstrapServers())) {
            Runnable read = () -> reader.poll(Duration.ofMillis(200)).forEach(r -> {
                if (!"evicted-6".equals(r.key()) && !String.valueOf(r.key()).startsWith("evicted-6/")) {
                    return;
                }
                if (r.topic().equals(Topics.PROGRESS)) {
                    progress.add(WireJson.read(r.value(), DecodeProgress.class));
                } else if (WireJson.read(r.value(), SegmentRecord.class) instanceof FrameRecord f) {
                    frames.add(f);
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                read.run();
                return progress.stream().anyMatch(p -> p.state() == DecodeProgress.State.PROGRESS && p.frames() > 0);
            });
            assertThat(progress).as("still decoding").noneMatch(p -> p.state() == DecodeProgress.State.COMPLETED);
            // What an operator's "kafka-consumer-groups --delete-members" or a session timeout does to a live worker.
            try (var admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
                admin.removeMembersFromConsumerGroup(IngestWorker.GROUP,
                        new org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions()).all().get();
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                read.run();
                return committedJobs() == jobsBefore + 1
                        && progress.stream().anyMatch(p -> p.state() == DecodeProgress.State.COMPLETED);
            });
            // The frames topic holds both attempts; read until every frame of the video is in.
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                read.run();
                return frames.stream().filter(f -> !f.leadIn()).map(FrameRecord::frame).distinct().count() == 3000;
            });
        } finally {
            worker.close();
            thread.join(30_000);
        }
        var started = progress.stream().filter(p -> p.state() == DecodeProgress.State.STARTED).count();
        var completed = progress.stream().filter(p -> p.state() == DecodeProgress.State.COMPLETED).toList();
        assertThat(started).as("abandoned, then decoded again from the start").isEqualTo(2);
        assertThat(completed).as("finished once").hasSize(1);
        assertThat(completed.get(0).frames()).isEqualTo(3000);
        // The second attempt published the whole video again, from frame 0.
        assertThat(frames.stream().filter(f -> !f.leadIn() && f.frame() == 0)).as("frame 0, once per attempt").hasSize(2);
        assertThat(frames.stream().filter(f -> !f.leadIn()).map(FrameRecord::frame).distinct()).hasSize(3000);
    }

    private static long endOffsetOfJobs() throws Exception {
        try (var admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            var tp = new TopicPartition(Topics.JOBS, 0);
            return admin.listOffsets(Map.of(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()))
                    .partitionResult(tp).get().offset();
        }
    }

    private static long committedJobs() throws Exception {
        try (var admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            var offsets = admin.listConsumerGroupOffsets(IngestWorker.GROUP).partitionsToOffsetAndMetadata().get();
            var committed = offsets.get(new TopicPartition(Topics.JOBS, 0));
            return committed == null ? 0 : committed.offset();
        }
    }

    private static DecodeProgress only(List<DecodeProgress> progress, String videoId) {
        var matching = progress.stream().filter(p -> p.videoId().equals(videoId)).toList();
        assertThat(matching).as("progress of %s", videoId).hasSize(1);
        return matching.get(0);
    }

    private static KafkaConsumer<String, byte[]> reader(String bootstrap) {
        var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        var partitions = new ArrayList<TopicPartition>();
        partitions.add(new TopicPartition(Topics.PROGRESS, 0));
        for (int p = 0; p < 3; p++) {
            partitions.add(new TopicPartition(Topics.FRAMES, p));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Publishes job records and waits until the broker has them all. */
    @SafeVarargs
    private static void publishJobs(ProducerRecord<String, byte[]>... jobs) {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (var job : jobs) {
                producer.send(job);
            }
            producer.flush();
        }
    }
}
