package io.cuepoint.analyzer.detect;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The {@value #SEGMENTS} timer in Micrometer's global registry: one observation per segment analysed, the time
 * every detector took together, tagged {@code outcome=done} or {@code outcome=failed} (a detector failed; the
 * others' events are still published).
 */
final class SegmentMetrics {
    /** Histogram buckets: a segment of a few seconds to a minute, on a GPU or a CPU. */
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000),
            Duration.ofMillis(2500), Duration.ofMillis(5000), Duration.ofMillis(10000),
            Duration.ofMillis(30000), Duration.ofMillis(60000), Duration.ofMillis(120000)};
    static final String SEGMENTS = "cuepoint.segments.analyzed";

    private static final Timer DONE = timer("done");
    private static final Timer FAILED = timer("failed");

    private SegmentMetrics() {
    }

    private static Timer timer(String outcome) {
        return Timer.builder(SEGMENTS).description("Segments analysed by every detector").tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS).register(Metrics.globalRegistry);
    }

    static void analyzed(boolean failed, long startedNanos) {
        (failed ? FAILED : DONE).record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
