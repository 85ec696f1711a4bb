package io.cuepoint.api.embedded;

import io.cuepoint.ingest.wire.Topics;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics when they are missing, so that every role can start against an
 * empty cluster. Existing topics are left as they are (an operator may have tuned them).
 */
public final class TopicSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {
    }

    /**
     * Ensures the four topics exist.
     *
     * @param clientProperties   admin client properties (bootstrap.servers at least)
     * @param framePartitions    partitions of the frames topic: the most analyzers that can share work
     * @param replicationFactor  replicas per partition (1 for the embedded broker); empty takes the
     *                           cluster's {@code default.replication.factor}
     */
    public static void ensureTopics(Map<String, Object> clientProperties, int framePartitions,
                                    Optional<Short> replicationFactor) {
        var topics = new ArrayList<NewTopic>();
        // Frame records carry JPEG images: allow records well above the 1 MiB default.
        topics.add(new NewTopic(Topics.FRAMES, Optional.of(framePartitions), replicationFactor)
                .configs(Map.of("max.message.bytes", Integer.toString(16 * 1024 * 1024))));
        topics.add(new NewTopic(Topics.JOBS, Optional.of(4), replicationFactor));
        // One record holds all events of a segment, which can be large once models add keypoints.
        topics.add(new NewTopic(Topics.EVENTS, Optional.of(4), replicationFactor)
                .configs(Map.of("max.message.bytes", Integer.toString(16 * 1024 * 1024))));
        topics.add(new NewTopic(Topics.PROGRESS, Optional.of(4), replicationFactor));
        // Dead letters wait for a person: keep them for 30 days, and allow records as large as frames.
        topics.add(new NewTopic(Topics.DEAD_LETTERS, Optional.of(1), replicationFactor)
                .configs(Map.of("max.message.bytes", Integer.toString(16 * 1024 * 1024),
                        "retention.ms", Long.toString(30L * 24 * 60 * 60 * 1000))));
        try (Admin admin = Admin.create(clientProperties)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            var missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(60, TimeUnit.SECONDS);
                    LOG.info("Created topic {}", entry.getKey());
                } catch (ExecutionException e) {
                    // Another role started at the same moment and created it first.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create Kafka topics at "
                    + clientProperties.get("bootstrap.servers") + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topics", e);
        }
    }
}
