package io.cuepoint.api.stream;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.config.StreamConfig;
import io.cuepoint.api.search.FeedCursor;
import io.cuepoint.api.search.FeedRepository;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.EventRepository;
import io.cuepoint.api.store.Video;
import io.cuepoint.api.store.VideoRepository;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.sse.Event;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-sent event streams of videos: {@code progress} (the video, whenever it changes), {@code event} (each new
 * or changed event, its id the feed position so that {@code Last-Event-ID} resumes after it), {@code end} (the
 * video completed or failed and every event of it was sent), and heartbeat comments. Each stream polls
 * PostgreSQL every {@code cuepoint.stream.poll-ms} on a small scheduler, so any api replica serves any stream.
 * Created at start-up, so a bad {@code cuepoint.stream.*} value fails there.
 */
@Context
public final class StreamService {
    private static final Logger LOG = LoggerFactory.getLogger(StreamService.class);

    private final Database db;
    private final VideoRepository videos;
    private final EventRepository events;
    private final FeedRepository feed;
    private final StreamConfig config;
    private final ScheduledExecutorService scheduler;
    private final AtomicInteger open = new AtomicInteger();

    public StreamService(Database db, VideoRepository videos, EventRepository events, FeedRepository feed,
                         StreamConfig config) {
        this.db = db;
        this.videos = videos;
        this.events = events;
        this.feed = feed;
        this.config = config;
        var threads = new AtomicInteger();
        // Polls block on JDBC; a few threads serve many streams because each poll is one short transaction.
        this.scheduler = Executors.newScheduledThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                r -> {
                    var t = new Thread(r, "cuepoint-stream-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        LOG.info("video streams: {}", config);
    }

    /**
     * Opens a stream. Checks the video and the stream limit now, so that these refusals are ordinary problem
     * responses; the polling starts when the response subscribes.
     *
     * @param lastEventId the id of the last event the client received (a feed cursor); null to start at the
     *                    video's first event
     * @throws ApiException 404 for a video the principal does not see, 400 for a bad Last-Event-ID, 503 when
     *                      {@code cuepoint.stream.max-streams} streams are open
     */
    public Flux<Event<?>> open(Principal principal, String videoId, @Nullable String lastEventId) {
        FeedCursor start = lastEventId == null || lastEventId.isBlank() ? FeedCursor.START
                : FeedCursor.decode(lastEventId, "Last-Event-ID");
        Video video = db.read("opening a stream", c -> videos.find(c, videoId)).orElse(null);
        if (video == null || !principal.sees(video.tenantId(), video.courseId())) {
            throw ApiException.notFound("no video " + videoId);
        }
        if (open.incrementAndGet() > config.maxStreams()) {
            open.decrementAndGet();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "too many open streams (cuepoint.stream."
                    + "max-streams = " + config.maxStreams() + "); retry later or poll GET /api/v1/events");
        }
        var released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                open.decrementAndGet();
            }
        };
        var poller = new StreamPoller(db, videos, events, feed, videoId, start, config.heartbeatMs());
        return Flux.<Event<?>>create(sink -> {
            ScheduledFuture<?> task = scheduler.scheduleWithFixedDelay(() -> poll(poller, sink, videoId), 0,
                    config.pollMs(), TimeUnit.MILLISECONDS);
            sink.onDispose(() -> {
                task.cancel(false);
                release.run();
            });
        }, FluxSink.OverflowStrategy.BUFFER).doFinally(signal -> release.run());
    }

    /** How many streams are open in this process. */
    public int openStreams() {
        return open.get();
    }

    private static void poll(StreamPoller poller, FluxSink<Event<?>> sink, String videoId) {
        try {
            poller.poll(sink);
        } catch (RuntimeException e) {
            // Ends this stream (the client reconnects with Last-Event-ID); an exception would only stop the task.
            LOG.warn("stream of video {} failed: {}", videoId, e.getMessage(), e);
            sink.error(e);
        }
    }

    @PreDestroy
    void close() {
        scheduler.shutdownNow();
    }
}
