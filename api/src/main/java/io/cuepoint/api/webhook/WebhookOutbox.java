package io.cuepoint.api.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.api.materialize.MaterializeMetrics;
import io.cuepoint.api.store.EventRepository;
import io.cuepoint.api.store.Video;
import io.cuepoint.api.store.VideoRepository;
import io.cuepoint.api.store.VideoStatus;
import io.cuepoint.api.timeline.VideoResource;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes webhook deliveries into the outbox, in the caller's transaction: the one that moved a video to COMPLETED
 * or FAILED. A crash either loses both the status change and the deliveries or keeps both. Each transition is
 * announced once: {@code videos.notified_status} remembers what was announced, so records replayed after the
 * transition enqueue nothing.
 */
@Singleton
public final class WebhookOutbox {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookOutbox.class);

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final VideoRepository videos;
    private final EventRepository events;
    private final ObjectMapper json;

    public WebhookOutbox(WebhookRepository webhooks, DeliveryRepository deliveries, VideoRepository videos,
                         EventRepository events, ObjectMapper json) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.videos = videos;
        this.events = events;
        this.json = json;
    }

    /**
     * Call after every status change of a video, in its transaction: when the video has just reached COMPLETED or
     * FAILED, enqueues one delivery per subscribed webhook of the video's tenant.
     *
     * @return the number of deliveries enqueued
     */
    public int enqueue(Connection c, String videoId) throws SQLException {
        Optional<VideoStatus> reached = newlyTerminal(c, videoId);
        Optional<WebhookEvent> event = reached.flatMap(WebhookEvent::of);
        if (event.isEmpty()) {
            return 0;
        }
        Video video = videos.find(c, videoId).orElseThrow();
        MaterializeMetrics.videoFinished(video);
        var targets = webhooks.subscribed(c, video.tenantId(), event.get().wireName());
        VideoResource resource = VideoResource.of(video, events.count(c, videoId));
        for (var target : targets) {
            String id = UUID.randomUUID().toString();
            deliveries.insert(c, id, target.id(), videoId, event.get().wireName(),
                    payload(event.get(), id, target.id(), resource));
        }
        if (!targets.isEmpty()) {
            LOG.info("video {} {}: {} webhook deliveries queued", videoId, event.get().wireName(), targets.size());
        }
        return targets.size();
    }

    /** Marks the video's terminal status as announced; empty when it is not terminal or was announced already. */
    private static Optional<VideoStatus> newlyTerminal(Connection c, String videoId) throws SQLException {
        try (var ps = c.prepareStatement("UPDATE videos SET notified_status = status WHERE id = ? "
                + "AND status IN ('COMPLETED', 'FAILED') AND notified_status IS DISTINCT FROM status "
                + "RETURNING status")) {
            ps.setString(1, videoId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(VideoStatus.valueOf(rs.getString(1))) : Optional.empty();
            }
        }
    }

    private String payload(WebhookEvent event, String deliveryId, String webhookId, VideoResource video) {
        var body = new LinkedHashMap<String, Object>();
        body.put("event", event.wireName());
        body.put("deliveryId", deliveryId);
        body.put("webhookId", webhookId);
        body.put("video", video);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a video resource always serializes", e);
        }
    }
}
