package io.cuepoint.api.stream;

import io.cuepoint.api.search.FeedCursor;
import io.cuepoint.api.search.FeedEvent;
import io.cuepoint.api.search.FeedRepository;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.EventRepository;
import io.cuepoint.api.store.Video;
import io.cuepoint.api.store.VideoRepository;
import io.cuepoint.api.store.VideoStatus;
import io.cuepoint.api.timeline.EventResource;
import io.cuepoint.api.timeline.VideoResource;
import io.micronaut.http.sse.Event;
import reactor.core.publisher.FluxSink;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One open stream: each {@link #poll} reads, in one repeatable-read snapshot, the video's events written since the
 * stream's position (below the feed horizon, see {@link FeedRepository}) and the video itself, and sends what is
 * new. Called by one scheduler thread at a time (a fixed-delay task), so it keeps its state unsynchronized.
 */
final class StreamPoller {
    /** Most events read per poll; a longer backlog is sent over the next polls. */
    static final int BATCH = 500;

    private final Database db;
    private final VideoRepository videos;
    private final EventRepository events;
    private final FeedRepository feed;
    private final String videoId;
    private final long heartbeatMs;
    private FeedCursor position;
    private VideoResource lastVideo;
    private long lastSentNanos = System.nanoTime();

    StreamPoller(Database db, VideoRepository videos, EventRepository events, FeedRepository feed, String videoId,
                 FeedCursor position, long heartbeatMs) {
        this.db = db;
        this.videos = videos;
        this.events = events;
        this.feed = feed;
        this.videoId = videoId;
        this.position = position;
        this.heartbeatMs = heartbeatMs;
    }

    /** What one poll read. */
    private record Snapshot(List<FeedEvent> events, Optional<VideoResource> video, boolean pending) {
    }

    /** Reads and sends what is new; completes the sink after {@code end}. */
    void poll(FluxSink<Event<?>> sink) {
        if (sink.isCancelled() || sink.requestedFromDownstream() == 0) {
            return; // a slow client: read again when it has taken what was sent
        }
        Snapshot s = db.inTransaction("streaming a video", this::read);
        var out = new ArrayList<Event<?>>();
        for (FeedEvent e : s.events()) {
            position = e.position();
            out.add(Event.of(EventResource.of(e.event())).name("event").id(position.encode()));
        }
        boolean end = false;
        if (s.video().isEmpty()) {
            out.add(Event.of(Map.of("id", videoId, "deleted", true)).name("end"));
            end = true;
        } else {
            VideoResource video = s.video().get();
            if (!video.equals(lastVideo)) {
                lastVideo = video;
                out.add(Event.of(video).name("progress"));
            }
            boolean terminal = video.status() == VideoStatus.COMPLETED || video.status() == VideoStatus.FAILED;
            if (terminal && !s.pending() && s.events().size() < BATCH) {
                out.add(Event.of(video).name("end"));
                end = true;
            }
        }
        if (out.isEmpty() && System.nanoTime() - lastSentNanos >= heartbeatMs * 1_000_000) {
            out.add(Event.of("").comment("heartbeat"));
        }
        if (!out.isEmpty()) {
            lastSentNanos = System.nanoTime();
            out.forEach(sink::next);
        }
        if (end) {
            sink.complete();
        }
    }

    /** One consistent view: the events, the video and the pending check agree on what has committed. */
    private Snapshot read(Connection c) throws java.sql.SQLException {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        List<FeedEvent> rows = feed.ofVideo(c, videoId, position, BATCH);
        Optional<Video> video = videos.find(c, videoId);
        if (video.isEmpty()) {
            return new Snapshot(rows, Optional.empty(), false);
        }
        return new Snapshot(rows, Optional.of(VideoResource.of(video.get(), events.count(c, videoId))),
                feed.pendingOfVideo(c, videoId));
    }
}
