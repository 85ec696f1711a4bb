package io.cuepoint.ingest.segment;

import io.cuepoint.ingest.wire.SegmentRecord;

/**
 * Where the {@link Segmenter} puts its records, in the order they must be read within each segment.
 * Kafka in production ({@code KafkaSegmentPublisher}); a list in tests.
 */
@FunctionalInterface
public interface SegmentSink {
    void accept(SegmentRecord record);
}
