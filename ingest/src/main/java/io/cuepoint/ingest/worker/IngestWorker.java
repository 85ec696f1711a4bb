package io.cuepoint.ingest.worker;

import io.cuepoint.ingest.IngestConfig;
import io.cuepoint.ingest.IngestException;
import io.cuepoint.ingest.publish.DeadLetterPublisher;
import io.cuepoint.ingest.publish.KafkaSegmentPublisher;
import io.cuepoint.ingest.publish.ProgressPublisher;
import io.cuepoint.ingest.wire.JobRequest;
import io.cuepoint.ingest.wire.Topics;
import io.cuepoint.ingest.wire.WireFormatException;
import io.cuepoint.ingest.wire.WireJson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves ingest jobs from {@link Topics#JOBS} in consumer group {@value #GROUP}, one at a time, on the
 * thread that calls {@link #run()}. Delivery is at-least-once: a job's offset is committed only after its
 * COMPLETED or FAILED record is acknowledged, so a worker that dies mid-job leaves the job to another.
 * A bad job (unparseable, missing file, not a video) is answered with FAILED and the worker goes on; an
 * unparseable one (or one of a newer schema) is also copied to the dead letters before it is committed.
 */
public final class IngestWorker implements Runnable, AutoCloseable {
    public static final String GROUP = "cuepoint-ingest";
    private static final Logger LOG = LoggerFactory.getLogger(IngestWorker.class);
    /** The longest gap between keep-alive polls while a job runs (less if max.poll.interval.ms is short). */
    private static final long KEEP_ALIVE_MAX_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Attempts of one job that fails transiently (Kafka unavailable) before it is reported FAILED. */
    private static final int MAX_ATTEMPTS = 3;

    private final IngestConfig config;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final JobRunner runner;
    private final DeadLetterPublisher deadLetters;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final long keepAliveNanos;
    private volatile boolean running = true;
    private volatile boolean started;
    private boolean jobActive;
    private TopicPartition jobPartition;
    private boolean jobRevoked;
    private long lastPollNanos;
    private long retryOffset = -1;
    private int attempts;

    /**
     * @param kafkaClientProperties base client properties (bootstrap.servers, security); ingest adds
     *                              its own consumer and producer settings on top
     */
    public IngestWorker(IngestConfig config, Map<String, Object> kafkaClientProperties) {
        this.config = config;
        var consumerProps = consumerProperties(kafkaClientProperties);
        this.consumer = new KafkaConsumer<>(consumerProps);
        long maxPollIntervalMs = Long.parseLong(String.valueOf(
                consumerProps.getOrDefault(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300_000)));
        // A third of the interval leaves room for one slow frame (a long GC, a stalled disk) between polls.
        this.keepAliveNanos = Math.min(KEEP_ALIVE_MAX_NANOS, TimeUnit.MILLISECONDS.toNanos(maxPollIntervalMs) / 3);
        this.producer = new KafkaProducer<>(KafkaSegmentPublisher.producerProperties(kafkaClientProperties));
        this.runner = new JobRunner(config, producer, Clock.systemUTC());
        this.deadLetters = new DeadLetterPublisher(kafkaClientProperties, GROUP);
    }

    static Map<String, Object> consumerProperties(Map<String, Object> base) {
        var props = new HashMap<>(base);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // Offsets are committed by hand, after a job's outcome is published: at-least-once.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A job submitted before the first worker joined must still be served.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A job takes minutes; fetching more than one would hold jobs that another worker could start now.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        // Cooperative rebalancing takes away only the partitions that move: a worker joining the group does not
        // abandon every running job (see JobRevoked), only those whose partition it is given.
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        return props;
    }

    @Override
    public void run() {
        started = true;
        LOG.info("ingest worker starting: {}", config.describe());
        try {
            consumer.subscribe(List.of(Topics.JOBS), new PauseWhileBusy());
            while (running) {
                var records = consumer.poll(Duration.ofSeconds(1));
                // A job to be retried rewinds its partition: the later jobs of that partition in this batch
                // must wait for it, or committing them would skip it.
                var rewound = new java.util.HashSet<TopicPartition>();
                for (var record : records) {
                    if (!running) {
                        break;
                    }
                    var tp = new TopicPartition(record.topic(), record.partition());
                    if (!rewound.contains(tp) && !serve(record)) {
                        rewound.add(tp);
                    }
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("ingest worker stopped by an unexpected error", e);
            throw e;
        } finally {
            closeClients();
            stopped.countDown();
            LOG.info("ingest worker stopped");
        }
    }

    /** @return false when the job is to be retried and its partition was rewound to it */
    private boolean serve(ConsumerRecord<String, byte[]> record) {
        var tp = new TopicPartition(record.topic(), record.partition());
        // Decoding a long video outlasts max.poll.interval.ms (5 min by default), and a consumer that does not
        // poll within it is dropped from the group and its job handed to another worker: two workers on one
        // video forever. So the partitions are paused and poll() keeps being called between frames (see
        // keepAlive): it returns nothing while paused, but proves the worker alive.
        consumer.pause(consumer.assignment());
        jobActive = true;
        jobPartition = tp;
        jobRevoked = false;
        lastPollNanos = System.nanoTime();
        try {
            boolean done;
            try {
                done = handle(record);
            } catch (JobRevoked e) {
                // Another worker owns the job now and decodes it from the start; finishing it here as well
                // would publish the video twice, interleaved. Nothing to commit or rewind: not ours.
                LOG.info("{}: abandoned, its partition {} was revoked; the new owner decodes it again",
                        record.key(), tp);
                return true;
            } catch (IngestException e) {
                // Not even FAILED could be published: keep the job uncommitted and serve it again later.
                LOG.warn("cannot report the outcome of the job at {}@{}: {}", tp, record.offset(), e.getMessage());
                done = false;
            }
            if (done) {
                commit(tp, record.offset() + 1);
            } else if (consumer.assignment().contains(tp)) {
                consumer.seek(tp, record.offset());
            }
            return done;
        } finally {
            jobActive = false;
            jobPartition = null;
            consumer.resume(consumer.paused());
        }
    }

    /** @return true when the job is finished (completed or failed and reported), false to retry it later */
    private boolean handle(ConsumerRecord<String, byte[]> record) {
        JobRequest job;
        try {
            job = WireJson.read(record.value(), JobRequest.class, JobRequest::schema, JobRequest.SCHEMA);
        } catch (WireFormatException e) {
            String videoId = record.key();
            LOG.warn("unreadable job at {}-{}@{} for video {}: {}", record.topic(), record.partition(),
                    record.offset(), videoId, e.getMessage());
            if (videoId != null) {
                reportFailed(videoId, "invalid job request: " + e.getMessage());
            }
            // Throws (transient) when it cannot be written: then the job is not committed but served again.
            deadLetters.publish(record, "unreadable job request: " + e.getMessage(), e);
            return true;
        }
        try {
            LOG.info("{}: job from {}", job.videoId(), job.source());
            runner.run(job.videoId(), Path.of(job.source()), this::keepAlive);
            attempts = 0;
            return true;
        } catch (WakeupException | JobRevoked e) {
            throw e;
        } catch (IngestException e) {
            // Transient: the broker went away. Retry a few times, then give up on this job with a reason.
            if (retryOffset != record.offset()) {
                retryOffset = record.offset();
                attempts = 0;
            }
            if (++attempts < MAX_ATTEMPTS) {
                LOG.warn("{}: attempt {} failed, will retry: {}", job.videoId(), attempts, e.getMessage());
                return false;
            }
            reportFailed(job.videoId(), e.getMessage());
            return true;
        } catch (RuntimeException e) {
            LOG.error("{}: ingest failed unexpectedly", job.videoId(), e);
            reportFailed(job.videoId(), "internal error while ingesting: " + e);
            return true;
        }
    }

    private void reportFailed(String videoId, String reason) {
        new ProgressPublisher(producer, videoId, config.segmentMs(), 0, Clock.systemUTC()).failed(reason, 0, 0);
    }

    private void keepAlive() {
        if (!running) {
            throw new WakeupException();
        }
        long now = System.nanoTime();
        if (now - lastPollNanos < keepAliveNanos) {
            return;
        }
        lastPollNanos = now;
        var records = consumer.poll(Duration.ZERO);
        if (jobRevoked) {
            throw new JobRevoked();
        }
        // Paused partitions return nothing, and partitions assigned mid-job are paused by the rebalance
        // listener; should a record come anyway, rewind so that it is served after this job.
        for (TopicPartition tp : records.partitions()) {
            consumer.seek(tp, records.records(tp).get(0).offset());
        }
    }

    private void commit(TopicPartition tp, long next) {
        if (!consumer.assignment().contains(tp)) {
            // Revoked while the job ran: the new owner will run it again (at-least-once), nothing to commit.
            LOG.info("{} was revoked during the job; its offset stays for the new owner", tp);
            return;
        }
        try {
            consumer.commitSync(Map.of(tp, new OffsetAndMetadata(next)));
        } catch (KafkaException e) {
            LOG.warn("cannot commit {} at {}: the job may run again", tp, next, e);
        }
    }

    /** Stops the loop promptly (a running job is abandoned uncommitted) and waits for the clients to close. */
    @Override
    public void close() {
        running = false;
        if (!started) {
            closeClients();
            return;
        }
        consumer.wakeup();
        try {
            if (!stopped.await(30, TimeUnit.SECONDS)) {
                LOG.warn("ingest worker did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeClients() {
        try {
            consumer.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the consumer", e);
        }
        producer.close(Duration.ofSeconds(10));
        deadLetters.close();
    }

    /** The running job's partition went to another worker: stop decoding it. */
    private static final class JobRevoked extends RuntimeException {
        JobRevoked() {
            super("the job's partition was revoked", null, false, false);
        }
    }

    /** Pauses partitions assigned while a job runs, and abandons the job when its partition is taken away. */
    private final class PauseWhileBusy implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            LOG.info("job partitions revoked: {}", partitions);
            abandonIfRunning(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            LOG.warn("job partitions lost (this worker was put out of its group): {}", partitions);
            abandonIfRunning(partitions);
        }

        private void abandonIfRunning(Collection<TopicPartition> partitions) {
            if (jobActive && partitions.contains(jobPartition)) {
                jobRevoked = true;
                // Runs inside poll(), before the rebalance completes: what this attempt sent is on the
                // topic before the new owner's first record, so readers see one attempt after the other.
                try {
                    producer.flush();
                } catch (KafkaException e) {
                    LOG.warn("cannot flush the abandoned job's records: {}", e.toString());
                }
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.info("job partitions assigned: {}", partitions);
            if (jobActive) {
                consumer.pause(partitions);
            }
        }
    }
}
