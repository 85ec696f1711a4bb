package io.cuepoint.ingest.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * What ingest records into Micrometer's global registry (the role that runs the worker exports it):
 * {@value #FRAMES} counts decoded video frames, so its rate is the decoding speed in frames per second;
 * {@value #JOBS} times each job attempt from the start of decoding to its outcome, tagged
 * {@code outcome=completed} or {@code outcome=failed} (a bad file, or an attempt that Kafka failed and that
 * will be retried). No video ids in tags: they would make one series per video.
 */
final class IngestMetrics {
    /** Histogram buckets: from a short clip to a long lecture. */
    private static final Duration[] BUCKETS = {
            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(300), Duration.ofSeconds(600),
            Duration.ofSeconds(1800), Duration.ofSeconds(3600)};
    static final String FRAMES = "cuepoint.frames.decoded";
    static final String JOBS = "cuepoint.ingest.jobs";

    private static final Counter FRAMES_DECODED = Counter.builder(FRAMES)
            .description("Video frames decoded by ingest workers")
            .register(Metrics.globalRegistry);
    private static final Timer COMPLETED = job("completed");
    private static final Timer FAILED = job("failed");

    private IngestMetrics() {
    }

    private static Timer job(String outcome) {
        return Timer.builder(JOBS).description("Ingest job attempts, from the start of decoding to the outcome")
                .tag("outcome", outcome).serviceLevelObjectives(BUCKETS)
                .register(Metrics.globalRegistry);
    }

    static void frameDecoded() {
        FRAMES_DECODED.increment();
    }

    /** @param startedNanos {@link System#nanoTime()} when the job attempt started */
    static void jobEnded(boolean completed, long startedNanos) {
        (completed ? COMPLETED : FAILED).record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
