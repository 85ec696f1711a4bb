package io.cuepoint.ingest.publish;

import io.cuepoint.ingest.IngestException;
import io.cuepoint.ingest.wire.DeadLetterHeaders;
import io.cuepoint.ingest.wire.Topics;
import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a consumed record that can never be used (not JSON, the wrong shape, a newer schema) to
 * {@link Topics#DEAD_LETTERS}, key and value unchanged, with {@link DeadLetterHeaders} naming its source
 * and the reason; counts it in {@value #COUNTER} (tagged {@code topic}, the source topic), and a dead letter
 * that could not be written in {@value #FAILURES} (same tag: a consumer stuck on that topic until it can).
 *
 * <p>{@link #publish} returns only once every in-sync replica has the copy, so the caller may then commit
 * past the record. When it throws, the caller must not commit past the record but read it again later: the
 * record stays on its topic and nothing is lost. Dead letters are therefore at-least-once; a consumer that
 * rewinds before its commit sends the same one again (same source topic, partition and offset).
 *
 * <p>The producer is created on first use, so a pipeline without bad records holds no extra connection.
 * Used by one consumer thread; not thread-safe.
 */
public final class DeadLetterPublisher implements AutoCloseable {
    /** Micrometer counter of dead letters written, tagged {@code topic} with the source topic. */
    public static final String COUNTER = "cuepoint.dead.letters";
    /** Micrometer counter of failed attempts to write a dead letter, tagged {@code topic} with the source topic. */
    public static final String FAILURES = "cuepoint.dead.letter.failures";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);
    /** Reasons carry a parser's message; a header is for reading, not for a copy of the payload. */
    private static final int MAX_REASON_CHARS = 1000;
    private static final long FIRST_BACKOFF_MS = 500;
    private static final long MAX_BACKOFF_MS = 10_000;

    private final Map<String, Object> producerProperties;
    private final String group;
    private Producer<String, byte[]> producer;
    private long backoffMs;
    private long lastFailureNanos;

    /**
     * @param clientProperties connection settings of the caller (bootstrap.servers, security); the
     *                         publisher adds its own producer settings
     * @param group            the consumer group that reads the records, written to every dead letter
     */
    public DeadLetterPublisher(Map<String, Object> clientProperties, String group) {
        this.producerProperties = producerProperties(clientProperties);
        this.group = group;
    }

    private static Map<String, Object> producerProperties(Map<String, Object> base) {
        var props = new HashMap<>(base);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        // The caller commits past the record once this acknowledges: the copy must survive a broker loss.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // A bad frames record can be as large as a good one (the dead-letter topic allows 16 MiB).
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return props;
    }

    /**
     * Writes the dead letter and waits for its acknowledgement.
     *
     * @param record the consumed record, copied unchanged (a key read as a string is written back as UTF-8)
     * @param reason why it cannot be used, as a sentence for the person who will read it
     * @param cause  what rejected it; its class name goes into {@link DeadLetterHeaders#EXCEPTION}
     * @throws IngestException (transient) when the broker did not take it: do not commit past the record
     */
    public void publish(ConsumerRecord<String, byte[]> record, String reason, Throwable cause) {
        awaitBackoff();
        var headers = new RecordHeaders();
        record.headers().forEach(h -> {
            if (!DeadLetterHeaders.isDeadLetterHeader(h.key())) {
                headers.add(h);
            }
        });
        String sentence = oneLine(reason);
        header(headers, DeadLetterHeaders.TOPIC, record.topic());
        header(headers, DeadLetterHeaders.PARTITION, Integer.toString(record.partition()));
        header(headers, DeadLetterHeaders.OFFSET, Long.toString(record.offset()));
        header(headers, DeadLetterHeaders.GROUP, group);
        header(headers, DeadLetterHeaders.REASON, sentence);
        header(headers, DeadLetterHeaders.EXCEPTION, cause == null ? "" : cause.getClass().getName());
        header(headers, DeadLetterHeaders.AT, Instant.now().toString());
        var letter = new ProducerRecord<>(Topics.DEAD_LETTERS, null, record.key(), record.value(), headers);
        try {
            var meta = producer().send(letter).get();
            backoffMs = 0;
            Metrics.globalRegistry.counter(COUNTER, "topic", record.topic()).increment();
            LOG.warn("dead-lettered {}-{}@{} of group {} as {}@{}: {}", record.topic(), record.partition(),
                    record.offset(), group, Topics.DEAD_LETTERS, meta.offset(), sentence);
        } catch (ExecutionException | RuntimeException e) {
            // Whatever went wrong, the caller must not commit past the record: one (transient) exception type.
            throw failed(record, e instanceof ExecutionException ? e.getCause() : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(record, e);
        }
    }

    private IngestException failed(ConsumerRecord<String, byte[]> record, Throwable cause) {
        // A producer that failed a send may be left with a bumped epoch or a fatal error; start afresh.
        closeProducer(Duration.ZERO);
        Metrics.globalRegistry.counter(FAILURES, "topic", record.topic()).increment();
        backoffMs = backoffMs == 0 ? FIRST_BACKOFF_MS : Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        lastFailureNanos = System.nanoTime();
        return IngestException.transientFailure("cannot write the dead letter of " + record.topic() + "-"
                + record.partition() + "@" + record.offset() + " to " + Topics.DEAD_LETTERS + ": " + cause
                + "; the record stays uncommitted and is tried again", cause);
    }

    /** After a failure, the next attempt waits a little, so a refusing broker does not spin the consumer loop. */
    private void awaitBackoff() {
        long waitNanos = lastFailureNanos + TimeUnit.MILLISECONDS.toNanos(backoffMs) - System.nanoTime();
        if (backoffMs == 0 || waitNanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw IngestException.transientFailure("interrupted before writing a dead letter", e);
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerProperties);
        }
        return producer;
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Parser messages span lines (source location); a header reads best as one line. */
    static String oneLine(String reason) {
        String line = reason == null ? "no reason given" : reason.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_REASON_CHARS ? line : line.substring(0, MAX_REASON_CHARS - 1) + "…";
    }

    @Override
    public void close() {
        closeProducer(Duration.ofSeconds(10));
    }

    private void closeProducer(Duration timeout) {
        if (producer != null) {
            try {
                producer.close(timeout);
            } catch (RuntimeException e) {
                LOG.warn("closing the dead-letter producer: {}", e.toString());
            }
            producer = null;
        }
    }
}
