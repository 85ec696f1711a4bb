package io.cuepoint.analyzer.publish;

import io.cuepoint.analyzer.AnalyzerException;
import io.cuepoint.analyzer.wire.AnalysisProgress;
import io.cuepoint.analyzer.wire.SegmentEvents;
import io.cuepoint.ingest.wire.Topics;
import io.cuepoint.ingest.wire.WireJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a segment's {@link SegmentEvents} and then its {@link AnalysisProgress}, each keyed by
 * video id, and returns only when the broker has acknowledged both: the caller commits its input
 * offsets after that, never before.
 */
public final class EventPublisher implements AutoCloseable {
    /** Events acknowledged by the broker ({@code cuepoint.events.published}); its rate is events per second. */
    private static final Counter PUBLISHED = Counter.builder("cuepoint.events.published")
            .description("Events published by analyzers").register(Metrics.globalRegistry);

    private final KafkaProducer<String, byte[]> producer;

    /** @param clientProperties connection settings of the caller (bootstrap.servers, security…) */
    public EventPublisher(Map<String, Object> clientProperties) {
        this.producer = new KafkaProducer<>(producerProperties(clientProperties));
    }

    static Map<String, Object> producerProperties(Map<String, Object> base) {
        var props = new HashMap<>(base);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        // The input offsets are committed once this acknowledges; a leader-only ack could still lose them.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // Retries must not duplicate or reorder the segments of a video on the events partition.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // One record holds every event of a segment (pose keypoints make it large); the topic's
        // max.message.bytes must allow the same.
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        // Event JSON repeats field names and ids; lz4 shrinks it several times for little CPU.
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return props;
    }

    /**
     * Sends both records and waits for their acknowledgement.
     *
     * @throws AnalyzerException when the broker did not take them; {@link AnalyzerException#retriable()}
     *                           says whether analysing the segment again may succeed
     */
    public void publish(SegmentEvents events, AnalysisProgress progress) {
        send(new ProducerRecord<>(Topics.EVENTS, events.videoId(), WireJson.write(events)));
        // Progress only after the events are in: a reader that sees DONE can rely on having the events.
        send(new ProducerRecord<>(Topics.PROGRESS, progress.videoId(), WireJson.write(progress)));
        PUBLISHED.increment(events.events().size());
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalyzerException("interrupted while publishing to " + record.topic(), e, true);
        } catch (ExecutionException e) {
            // Retriable errors outlived the producer's own retries (delivery.timeout.ms) and may pass later;
            // others (record too large, not authorized) fail the same way every time.
            var cause = e.getCause();
            boolean retriable = cause instanceof RetriableException;
            throw new AnalyzerException("could not publish to " + record.topic() + ": " + cause
                    + (retriable ? "" : "; check the topic and broker configuration"), cause, retriable);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
