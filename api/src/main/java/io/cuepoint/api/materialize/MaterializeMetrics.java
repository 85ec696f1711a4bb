package io.cuepoint.api.materialize;

import io.cuepoint.api.store.Video;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * What the api's materializer records into Micrometer's global registry: {@value #EVENTS} counts the events
 * stored (a replayed segment counts again), and {@value #FINISHED} times each video from its submission until
 * the api recorded it COMPLETED or FAILED, tagged {@code status=completed} or {@code status=failed}.
 */
public final class MaterializeMetrics {
    /** Histogram buckets: from a short clip to a long lecture. */
    private static final Duration[] BUCKETS = {
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
            Duration.ofSeconds(300), Duration.ofSeconds(600), Duration.ofSeconds(1800),
            Duration.ofSeconds(3600), Duration.ofSeconds(7200), Duration.ofSeconds(14400)};
    static final String EVENTS = "cuepoint.events.materialized";
    static final String FINISHED = "cuepoint.videos.finished";

    private static final Counter MATERIALIZED = Counter.builder(EVENTS)
            .description("Events stored by the api's materializer").register(Metrics.globalRegistry);

    private MaterializeMetrics() {
    }

    static void eventsMaterialized(int count) {
        MATERIALIZED.increment(count);
    }

    /** Call once per video, when it has just reached COMPLETED or FAILED. */
    public static void videoFinished(Video video) {
        var elapsed = Duration.between(video.createdAt(), Clock.systemUTC().instant());
        Timer.builder(FINISHED).description("Videos from submission until COMPLETED or FAILED")
                .tag("status", video.status().name().toLowerCase(Locale.ROOT))
                .serviceLevelObjectives(BUCKETS).register(Metrics.globalRegistry)
                .record(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }
}
