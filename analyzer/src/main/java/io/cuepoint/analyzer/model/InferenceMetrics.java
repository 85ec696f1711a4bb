package io.cuepoint.analyzer.model;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The {@value #INFERENCE} timer in Micrometer's global registry: one observation per model run (a batch
 * counts once), tagged {@code model=<name>} such as {@code movenet-lightning}; it includes the translator's
 * tensor copies, which is what a frame costs. Failed runs are timed too.
 */
final class InferenceMetrics {
    /** Histogram buckets: from a GPU run of a small model to a large batch on a CPU. */
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500),
            Duration.ofMillis(1000), Duration.ofMillis(2000), Duration.ofMillis(5000)};
    static final String INFERENCE = "cuepoint.inference";

    private InferenceMetrics() {
    }

    /** The model's timer; Micrometer returns the same one for every session of the model. */
    static Timer timer(String model) {
        return Timer.builder(INFERENCE).description("Model runs (inference), per model").tag("model", model)
                .serviceLevelObjectives(BUCKETS).register(Metrics.globalRegistry);
    }
}
