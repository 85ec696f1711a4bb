package io.cuepoint.analyzer.consume;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The analyzer's consumer settings on top of the caller's connection settings. */
final class AnalyzerClients {
    static final String GROUP_ID = AnalyzerWorker.GROUP;

    private AnalyzerClients() {
    }

    static Map<String, Object> consumerProperties(Map<String, Object> base) {
        var props = new HashMap<>(base);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // Parsed by WireJson ourselves, so that a bad record is skipped instead of failing poll().
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // Offsets are committed only after a segment's events are acknowledged, never on a timer.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group must analyse the frames that were published before it started.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Should ingest publish transactionally, aborted segments must never be analysed.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Sampled frames carry JPEGs of tens to hundreds of KiB; fetch whole segments in few round trips.
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        // A batch may complete several segments, each analysed before the next poll; keep a batch well
        // inside max.poll.interval.ms even on a CPU-only analyzer.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 10 * 60 * 1000);
        // Cooperative rebalancing revokes only the partitions that move, so segments buffered on the
        // others survive a scale-out instead of being thrown away and fetched again.
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        return props;
    }
}
