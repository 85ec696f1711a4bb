package io.cuepoint.api.webhook;

import io.cuepoint.api.store.VideoStatus;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook can be told about. */
public enum WebhookEvent {
    /** Every segment of the video is analysed. */
    VIDEO_COMPLETED("video.completed", VideoStatus.COMPLETED),
    /** Decoding or queueing failed; the video will not complete. */
    VIDEO_FAILED("video.failed", VideoStatus.FAILED);

    private final String wireName;
    private final VideoStatus status;

    WebhookEvent(String wireName, VideoStatus status) {
        this.wireName = wireName;
        this.status = status;
    }

    /** The name in the api, the payload and the {@code Cuepoint-Event} header, such as {@code video.completed}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEvent> parse(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name.strip())).findFirst();
    }

    /** The event announcing that a video reached this status; empty for statuses nobody is told about. */
    public static Optional<WebhookEvent> of(VideoStatus status) {
        return Arrays.stream(values()).filter(e -> e.status == status).findFirst();
    }
}
