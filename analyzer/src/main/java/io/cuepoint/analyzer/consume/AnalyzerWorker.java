package io.cuepoint.analyzer.consume;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.AnalyzerException;
import io.cuepoint.analyzer.detect.Segment;
import io.cuepoint.analyzer.detect.SegmentAnalyzer;
import io.cuepoint.analyzer.publish.EventPublisher;
import io.cuepoint.analyzer.wire.AnalysisProgress;
import io.cuepoint.ingest.IngestException;
import io.cuepoint.ingest.publish.DeadLetterPublisher;
import io.cuepoint.ingest.wire.SegmentRecord;
import io.cuepoint.ingest.wire.Topics;
import io.cuepoint.ingest.wire.WireFormatException;
import io.cuepoint.ingest.wire.WireJson;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One analyzer: a consumer of {@link Topics#FRAMES} in group {@value AnalyzerClients#GROUP_ID} on the
 * thread that runs it. Each complete segment is analysed by every configured detector, its
 * {@link io.cuepoint.analyzer.wire.SegmentEvents} and {@link AnalysisProgress} are published, and only
 * once the broker acknowledged them are the input offsets committed (at-least-once per segment; event
 * ids are deterministic so replays upsert). A record that cannot be read is copied to the dead letters
 * before the offset moves past it.
 *
 * <p>Start it on its own thread; {@link #close()} wakes the consumer and waits for the loop to end.
 */
public final class AnalyzerWorker implements Runnable, AutoCloseable {
    /** The analyzers' consumer group: every analyzer process shares the frames topic's partitions in it. */
    public static final String GROUP = "cuepoint-analyzer";
    private static final Logger LOG = LoggerFactory.getLogger(AnalyzerWorker.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final AnalyzerConfig config;
    private final SegmentAnalyzer analyzer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final EventPublisher publisher;
    private final DeadLetterPublisher deadLetters;
    private final SegmentAssembler assembler = new SegmentAssembler();
    private final Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closing;
    private volatile Throwable failure;

    /**
     * @param config                the analyzer configuration (detectors are created now, so a bad name fails here)
     * @param kafkaClientProperties connection settings shared by consumer and producer: bootstrap.servers
     *                              and any security settings; the worker adds its own client settings
     */
    public AnalyzerWorker(AnalyzerConfig config, Map<String, Object> kafkaClientProperties) {
        this.config = config;
        this.analyzer = new SegmentAnalyzer(config);
        try {
            this.consumer = new KafkaConsumer<>(AnalyzerClients.consumerProperties(kafkaClientProperties));
        } catch (RuntimeException e) {
            analyzer.close();
            throw e;
        }
        try {
            this.publisher = new EventPublisher(kafkaClientProperties);
        } catch (RuntimeException e) {
            consumer.close();
            analyzer.close();
            throw new AnalyzerException("cannot create the events producer: " + e.getMessage(), e);
        }
        this.deadLetters = new DeadLetterPublisher(kafkaClientProperties, AnalyzerClients.GROUP_ID);
    }

    @Override
    public void run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("an AnalyzerWorker runs once");
        }
        LOG.info("analyzer worker starting: {}", config.describe());
        try {
            consumer.subscribe(List.of(Topics.FRAMES), new Rebalance());
            while (!closing) {
                pollOnce();
            }
        } catch (WakeupException e) {
            if (!closing) {
                failure = e;
                LOG.error("analyzer worker woken up unexpectedly; stopping", e);
            }
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("analyzer worker stopped by an unrecoverable error", e);
        } finally {
            closeClients();
            stopped.countDown();
            LOG.info("analyzer worker stopped");
        }
    }

    private void pollOnce() {
        try {
            for (var record : consumer.poll(POLL)) {
                handle(record);
            }
            commit();
        } catch (WakeupException e) {
            throw e;
        } catch (InvalidConfigurationException | FencedInstanceIdException e) {
            // Misconfiguration (authentication, authorization and unsupported-version failures are all
            // InvalidConfigurationExceptions) or a fenced static member: retrying cannot help.
            throw e;
        } catch (AnalyzerException e) {
            if (!e.retriable()) {
                throw e;
            }
            // Publishing failed for now: analyse the uncommitted segments again. Should the rewind itself
            // fail, the worker stops rather than continue past segments whose events were never written.
            LOG.warn("could not publish, rewinding to the committed offsets: {}", e.getMessage(), e);
            rewind();
        } catch (RuntimeException e) {
            // Transient (a rebalance during commit, a broker moving leadership): the loop carries on.
            LOG.warn("transient error in the analyzer loop, continuing: {}", e.toString(), e);
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        var partition = new TopicPartition(record.topic(), record.partition());
        SegmentRecord parsed;
        try {
            parsed = parse(record.value());
        } catch (WireFormatException e) {
            // The same bytes would fail forever: dead-letter them and keep the partition moving.
            LOG.warn("unreadable record {}-{}@{} key {}: {}", record.topic(), record.partition(),
                    record.offset(), record.key(), e.getMessage());
            deadLetter(record, e);
            assembler.skip(partition, record.offset());
            return;
        }
        assembler.add(partition, record.offset(), parsed).ifPresent(segment -> {
            analyzeAndPublish(segment);
            commit();
        });
    }

    private static SegmentRecord parse(byte[] value) {
        var parsed = WireJson.read(value, SegmentRecord.class, SegmentRecord::schema, SegmentRecord.SCHEMA);
        if (parsed.videoId() == null || parsed.segment() < 0) {
            // Buffered under a key no segment end ever matches, it would hold back the commit for good.
            throw new WireFormatException(parsed.getClass().getSimpleName() + " without a videoId or with a "
                    + "negative segment", null);
        }
        return parsed;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, WireFormatException e) {
        try {
            deadLetters.publish(record, "unreadable frames record: " + e.getMessage(), e);
        } catch (IngestException failed) {
            // Retriable: pollOnce rewinds to the committed offsets, which are not past this record.
            throw new AnalyzerException(failed.getMessage(), failed, true);
        }
    }

    private void analyzeAndPublish(Segment segment) {
        long start = System.nanoTime();
        var result = analyzer.analyze(segment);
        var state = result.error() == null ? AnalysisProgress.State.DONE : AnalysisProgress.State.FAILED;
        var progress = new AnalysisProgress(AnalysisProgress.SCHEMA, segment.videoId(), segment.index(), state,
                result.frames(), result.events().size(), config.analyzerVersion(), result.error(), Instant.now());
        publisher.publish(result, progress);
        LOG.debug("segment {}/{}: {} events in {} ms", segment.videoId(), segment.index(), result.events().size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private void commit() {
        var offsets = new HashMap<>(assembler.committable());
        offsets.entrySet().removeIf(e -> e.getValue().equals(committed.get(e.getKey())));
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
            committed.putAll(offsets);
        }
    }

    /** Drops everything buffered and continues from the committed offsets, so nothing is lost. */
    private void rewind() {
        var assigned = consumer.assignment();
        assembler.drop(assigned);
        var offsets = consumer.committed(assigned);
        for (var partition : assigned) {
            var offset = offsets.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset);
            }
        }
    }

    /** Why the worker stopped on its own, or null while it runs or after a regular close. */
    public Throwable failure() {
        return failure;
    }

    public boolean isRunning() {
        return started.get() && stopped.getCount() > 0;
    }

    /** Stops the loop promptly (it is woken from poll) and waits for it to release its clients. */
    @Override
    public void close() {
        closing = true;
        if (started.compareAndSet(false, true)) {
            // Never ran: nobody else owns the clients.
            closeClients();
            stopped.countDown();
            return;
        }
        consumer.wakeup();
        try {
            if (!stopped.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("analyzer worker did not stop within {} s", CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeClients() {
        try {
            consumer.close();
        } finally {
            try {
                publisher.close();
                deadLetters.close();
            } finally {
                analyzer.close();
            }
        }
    }

    /** Keeps the buffered segments consistent with the partitions this consumer owns. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Commit what is safe while we still own them, so the next owner does not redo finished work.
            var offsets = new HashMap<>(assembler.committable());
            offsets.keySet().retainAll(partitions);
            offsets.entrySet().removeIf(e -> e.getValue().equals(committed.get(e.getKey())));
            if (!offsets.isEmpty()) {
                try {
                    consumer.commitSync(offsets);
                } catch (RuntimeException e) {
                    LOG.warn("could not commit revoked partitions {}; they will be redone: {}", partitions,
                            e.toString());
                }
            }
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.info("assigned {}", partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            assembler.drop(partitions);
            partitions.forEach(committed::remove);
            if (!partitions.isEmpty()) {
                LOG.info("revoked {}; their incomplete segments will be delivered again", partitions);
            }
        }
    }
}
