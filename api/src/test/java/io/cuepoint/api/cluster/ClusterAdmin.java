package io.cuepoint.api.cluster;

import io.cuepoint.ingest.wire.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The questions cluster tests ask Kafka's admin api, each answered synchronously (15 s at most) with
 * plain values. Failures surface as {@link IllegalStateException}s, which Awaitility may retry.
 */
public final class ClusterAdmin {
    /** The topics each consumer group reads (issue #7's names). */
    public static final Map<String, List<String>> GROUP_TOPICS = Map.of(
            "cuepoint-ingest", List.of(Topics.JOBS),
            "cuepoint-analyzer", List.of(Topics.FRAMES),
            "cuepoint-api", List.of(Topics.EVENTS, Topics.PROGRESS));

    private final Admin admin;

    ClusterAdmin(Admin admin) {
        this.admin = admin;
    }

    /** Node ids of the brokers registered with the controller now. */
    public Set<Integer> brokerIds() {
        return get(admin.describeCluster().nodes()).stream().map(Node::id).collect(Collectors.toSet());
    }

    public Map<String, TopicDescription> describeTopics(Collection<String> topics) {
        return get(admin.describeTopics(topics).allTopicNames());
    }

    /** One topic's effective configuration value (its own setting, else the broker's default). */
    public String topicConfig(String topic, String key) {
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        var config = get(admin.describeConfigs(List.of(resource)).all()).get(resource);
        var entry = config.get(key);
        return entry == null ? null : entry.value();
    }

    /** Partitions (of the given topics) whose in-sync replicas are fewer than their replicas. */
    public List<TopicPartition> underReplicated(Collection<String> topics) {
        var under = new ArrayList<TopicPartition>();
        describeTopics(topics).forEach((name, description) -> description.partitions().forEach(p -> {
            if (p.isr().size() < p.replicas().size()) {
                under.add(new TopicPartition(name, p.partition()));
            }
        }));
        return under;
    }

    public ConsumerGroupDescription group(String group) {
        return get(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group));
    }

    /**
     * Whether {@code group} is stable with exactly {@code members} members and every member owns at least
     * one partition: work submitted now is spread over all of them.
     */
    public boolean spreadOver(String group, int members) {
        var description = group(group);
        return description.groupState() == GroupState.STABLE && description.members().size() == members
                && description.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
    }

    /**
     * Records behind, summed over every partition of the group's topics ({@link #GROUP_TOPICS}, plus any
     * topic it committed on): the read_committed end offset minus the committed offset, or minus the
     * log start where the group has not committed yet (the consumers start at the earliest offset).
     */
    public long consumerLag(String group) {
        Map<TopicPartition, OffsetAndMetadata> committed =
                get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Set<String> topics = new HashSet<>(GROUP_TOPICS.getOrDefault(group, List.of()));
        committed.keySet().forEach(tp -> topics.add(tp.topic()));
        if (topics.isEmpty()) {
            return 0;
        }
        var partitions = new HashSet<TopicPartition>();
        describeTopics(topics).forEach((name, d) -> d.partitions()
                .forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        var ends = offsets(partitions, OffsetSpec.latest());
        var uncommitted = partitions.stream().filter(tp -> committed.get(tp) == null).collect(Collectors.toSet());
        var starts = uncommitted.isEmpty() ? Map.<TopicPartition, Long>of() : offsets(uncommitted, OffsetSpec.earliest());
        long lag = 0;
        for (var tp : partitions) {
            var position = committed.get(tp);
            long from = position == null ? starts.get(tp) : position.offset();
            lag += Math.max(0, ends.get(tp) - from);
        }
        return lag;
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec) {
        var request = new HashMap<TopicPartition, OffsetSpec>();
        partitions.forEach(tp -> request.put(tp, spec));
        var result = get(admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all());
        var offsets = new HashMap<TopicPartition, Long>();
        result.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka admin request failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka admin request timed out after 15 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
