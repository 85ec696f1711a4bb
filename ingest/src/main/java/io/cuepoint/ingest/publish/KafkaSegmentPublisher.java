package io.cuepoint.ingest.publish;

import io.cuepoint.ingest.IngestException;
import io.cuepoint.ingest.segment.SegmentSink;
import io.cuepoint.ingest.wire.SegmentRecord;
import io.cuepoint.ingest.wire.Topics;
import io.cuepoint.ingest.wire.WireJson;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes segment records as JSON to {@link Topics#FRAMES}, keyed {@code videoId/segment} so that a
 * segment stays on one partition and in order. Sends are asynchronous; {@link #flush()} waits for every
 * acknowledgement and reports the first failure. Does not own the producer.
 */
public final class KafkaSegmentPublisher implements SegmentSink {
    private final Producer<String, byte[]> producer;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private long sent;

    public KafkaSegmentPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /**
     * The producer settings ingest needs, over the caller's base properties (bootstrap servers,
     * security). Values set here win: at-least-once delivery depends on them.
     */
    public static Map<String, Object> producerProperties(Map<String, Object> base) {
        var props = new HashMap<>(base);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        // A segment's end record must never be acknowledged while one of its frames is lost: wait for all
        // in-sync replicas.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // Retries after a lost acknowledgement must neither duplicate nor reorder records of a segment.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Frames come out of the decoder hundreds per second; a short linger fills batches without
        // delaying a segment noticeably.
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        // Bigger batches than the 16 KiB default: a sampled frame record alone is tens of KiB.
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // JSON with base64 images compresses well; lz4 costs little CPU next to decoding.
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // A large analysis image (analysisMaxSide raised) must not be refused by the client; the topic's
        // max.message.bytes must allow the same.
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        return props;
    }

    @Override
    public void accept(SegmentRecord record) {
        failIfFailed();
        try {
            producer.send(new ProducerRecord<>(Topics.FRAMES, record.key(), WireJson.write(record)), (meta, e) -> {
                if (e != null) {
                    firstFailure.compareAndSet(null, e);
                }
            });
            sent++;
        } catch (KafkaException e) {
            throw IngestException.transientFailure("cannot publish frames to Kafka: " + e.getMessage(), e);
        }
    }

    /** Waits until every record sent so far is acknowledged. */
    public void flush() {
        try {
            producer.flush();
        } catch (KafkaException e) {
            throw IngestException.transientFailure("cannot publish frames to Kafka: " + e.getMessage(), e);
        }
        failIfFailed();
    }

    /** Records handed to the producer. */
    public long sent() {
        return sent;
    }

    private void failIfFailed() {
        Exception e = firstFailure.get();
        if (e != null) {
            throw IngestException.transientFailure("cannot publish frames to Kafka: " + e.getMessage(), e);
        }
    }
}
