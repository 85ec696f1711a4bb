package io.cuepoint.api.materialize;

import io.cuepoint.analyzer.wire.AnalysisProgress;
import io.cuepoint.api.ApiException;
import io.cuepoint.analyzer.wire.SegmentEvents;
import io.cuepoint.api.config.KafkaClients;
import io.cuepoint.api.config.MaterializerConfig;
import io.cuepoint.ingest.publish.DeadLetterPublisher;
import io.cuepoint.ingest.wire.DecodeProgress;
import io.cuepoint.ingest.wire.ProgressRecord;
import io.cuepoint.ingest.wire.Topics;
import io.cuepoint.ingest.wire.WireFormatException;
import io.cuepoint.ingest.wire.WireJson;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads {@link Topics#EVENTS} and {@link Topics#PROGRESS} and hands each record to the {@link EventMaterializer}.
 * One consumer on its own thread; offsets are committed only after the records' database transactions
 * committed, so a crash replays records, and the idempotent apply makes the replay harmless. A malformed record
 * is copied to the dead letters before the offset moves past it.
 */
@Context
@Requires(property = "cuepoint.materializer.enabled", notEquals = "false")
public final class Materializer implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Materializer.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final long RETRY_SECONDS = 2;

    private final EventMaterializer materializer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final DeadLetterPublisher deadLetters;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    /** Failed attempts in a row, so that a long outage logs its stack trace once. */
    private int failures;

    public Materializer(EventMaterializer materializer, KafkaClients kafka, MaterializerConfig config) {
        this.materializer = materializer;
        var props = kafka.base();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        // Offsets are committed by hand, after the database commit.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group must see every video's history, not only what arrives after it joined.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "cuepoint-api-materializer");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.deadLetters = new DeadLetterPublisher(kafka.base(), config.groupId());
        this.thread = new Thread(this, "cuepoint-materializer");
    }

    @PostConstruct
    void start() {
        consumer.subscribe(List.of(Topics.EVENTS, Topics.PROGRESS));
        thread.start();
        LOG.info("materializer consuming {} and {}", Topics.EVENTS, Topics.PROGRESS);
    }

    @Override
    public void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (applyAll(records)) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("materializer woken up unexpectedly", e);
            }
        } catch (RuntimeException e) {
            LOG.error("materializer stopped: Kafka consumer failed", e);
        } finally {
            consumer.close();
            deadLetters.close();
            stopped.countDown();
        }
    }

    /** Applies the records in order; on a database failure rewinds to the failed record and returns false. */
    private boolean applyAll(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                applyOrDeadLetter(r);
            } catch (RuntimeException e) {
                // Transient (the database is down, the dead letter not written): keep what was applied, retry
                // from this record. Nothing is committed until it applies, so a crash during the outage loses
                // nothing either.
                if (failures++ == 0 || !ApiException.databaseUnavailable(e)) {
                    LOG.warn("cannot apply record {}-{}@{}, retrying every {} s", r.topic(), r.partition(),
                            r.offset(), RETRY_SECONDS, e);
                } else {
                    LOG.warn("cannot apply record {}-{}@{} (attempt {}), retrying in {} s: {}", r.topic(),
                            r.partition(), r.offset(), failures, RETRY_SECONDS, e.getMessage());
                }
                rewind(records, r);
                awaitRetry();
                return false;
            }
        }
        if (failures > 0) {
            LOG.info("materializer caught up after {} failed attempts", failures);
            failures = 0;
        }
        return true;
    }

    private void rewind(ConsumerRecords<String, byte[]> records, ConsumerRecord<String, byte[]> failed) {
        for (TopicPartition tp : records.partitions()) {
            var first = records.records(tp).get(0).offset();
            consumer.seek(tp, tp.topic().equals(failed.topic()) && tp.partition() == failed.partition()
                    ? failed.offset() : first);
        }
        // Records of other partitions already applied are replayed; apply is idempotent.
    }

    private void awaitRetry() {
        try {
            if (shutdown.await(RETRY_SECONDS, TimeUnit.SECONDS)) {
                running = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void applyOrDeadLetter(ConsumerRecord<String, byte[]> r) {
        try {
            apply(r);
        } catch (WireFormatException | IllegalArgumentException | NullPointerException e) {
            // Permanent: the same bytes fail the same way. Set aside, so that the partition moves on.
            LOG.warn("malformed record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            deadLetters.publish(r, "unreadable " + r.topic() + " record: " + e.getMessage(), e);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (Topics.EVENTS.equals(r.topic())) {
            materializer.apply(
                    WireJson.read(r.value(), SegmentEvents.class, SegmentEvents::schema, SegmentEvents.SCHEMA));
            return;
        }
        if (r.value() == null) {
            throw new WireFormatException("record without a value", null);
        }
        String kind = ProgressRecord.kindOf(r.value());
        switch (kind) {
            case DecodeProgress.KIND -> materializer.apply(
                    WireJson.read(r.value(), DecodeProgress.class, DecodeProgress::schema, DecodeProgress.SCHEMA));
            // For observers only; parsed so that a malformed one is reported.
            case AnalysisProgress.KIND -> LOG.debug("{}", WireJson.read(r.value(), AnalysisProgress.class,
                    AnalysisProgress::schema, AnalysisProgress.SCHEMA));
            default -> LOG.warn("skipping progress record of unknown kind {} at {}-{}@{}", kind, r.topic(),
                    r.partition(), r.offset());
        }
    }

    /** Whether the consuming thread runs; false once it stopped, on its own or by {@link #close()}. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        shutdown.countDown();
        consumer.wakeup();
        if (!stopped.await(30, TimeUnit.SECONDS)) {
            LOG.warn("materializer did not stop within 30 s");
        }
    }
}
