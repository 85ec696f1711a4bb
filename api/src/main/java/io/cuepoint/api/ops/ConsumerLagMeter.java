package io.cuepoint.api.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@value #LAG} gauge, tagged {@code group} and {@code topic}: records on the topic that the consumer group
 * has not committed yet, summed over the partitions (a partition the group never committed counts from its
 * first record, as the pipeline's consumers start from the earliest offset). Computed by {@link #refresh()}
 * from the brokers' offsets, not from this process's consumers, so it is right whichever member holds the
 * partitions. While Kafka does not answer the gauge reads NaN: unknown, not zero.
 */
final class ConsumerLagMeter implements AutoCloseable {
    static final String LAG = "cuepoint.consumer.lag";
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLagMeter.class);
    private static final long UNKNOWN = Long.MIN_VALUE;
    private static final long TIMEOUT_SECONDS = 5;

    private final Supplier<Admin> admin;
    private final Map<String, List<String>> topicsByGroup = new ConcurrentHashMap<>();
    private final Map<List<String>, AtomicLong> values = new ConcurrentHashMap<>();
    private final List<Gauge> gauges = new ArrayList<>();
    private volatile String lastFailure;

    ConsumerLagMeter(Supplier<Admin> admin) {
        this.admin = admin;
    }

    void watch(String group, List<String> topics) {
        topicsByGroup.put(group, List.copyOf(topics));
    }

    /** Recomputes every watched group's lag; a failure is logged once and leaves the gauges unknown. */
    void refresh() {
        try {
            for (var entry : topicsByGroup.entrySet()) {
                var lag = lag(entry.getKey(), entry.getValue());
                lag.forEach((topic, records) -> value(entry.getKey(), topic).set(records));
            }
            if (lastFailure != null) {
                LOG.info("Consumer lag is measured again");
                lastFailure = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            values.values().forEach(v -> v.set(UNKNOWN));
            String failure = e instanceof ExecutionException && e.getCause() != null ? e.getCause().toString() : e.toString();
            if (!failure.equals(lastFailure)) {
                LOG.warn("Cannot measure consumer lag: {}", failure);
            }
            lastFailure = failure;
        }
    }

    /** Records behind per topic; topics that do not exist (yet) are left out. */
    Map<String, Long> lag(String group, List<String> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        var admin = this.admin.get();
        var latest = new HashMap<TopicPartition, OffsetSpec>();
        var earliest = new HashMap<TopicPartition, OffsetSpec>();
        var descriptions = admin.describeTopics(topics).topicNameValues();
        for (var topic : topics) {
            try {
                for (var p : descriptions.get(topic).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).partitions()) {
                    latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                    earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        var ends = admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        var starts = admin.listOffsets(earliest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        var lag = new HashMap<String, Long>();
        for (var tp : latest.keySet()) {
            var offset = committed.get(tp);
            long from = offset == null ? starts.get(tp).offset() : offset.offset();
            lag.merge(tp.topic(), Math.max(0, ends.get(tp).offset() - from), Long::sum);
        }
        return lag;
    }

    private AtomicLong value(String group, String topic) {
        return values.computeIfAbsent(List.of(group, topic), key -> {
            var value = new AtomicLong(UNKNOWN);
            synchronized (gauges) {
                gauges.add(Gauge.builder(LAG, value, v -> v.get() == UNKNOWN ? Double.NaN : v.get())
                        .description("Records the consumer group has not committed yet, over all partitions")
                        .tags("group", group, "topic", topic).strongReference(true).register(Metrics.globalRegistry));
            }
            return value;
        });
    }

    /** Takes the gauges out of the global registry. */
    @Override
    public void close() {
        synchronized (gauges) {
            gauges.forEach(Metrics.globalRegistry::remove);
            gauges.clear();
        }
    }
}
