package io.cuepoint.api.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Samples a consumer group's lag once a second on its own thread, from {@link #start()} to {@link #stop()}.
 * A sample that fails (the admin request timed out under load) is left out rather than guessed.
 */
final class LagSampler {
    /** One sample: seconds since start and records behind. */
    record Sample(double seconds, long lag) {
    }

    private final LongSupplier lag;
    private final List<Sample> samples = new ArrayList<>();
    private ScheduledExecutorService timer;
    private long startNanos;

    LagSampler(LongSupplier lag) {
        this.lag = lag;
    }

    void start() {
        startNanos = System.nanoTime();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "lag-sampler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    private void sample() {
        try {
            long value = lag.getAsLong();
            synchronized (samples) {
                samples.add(new Sample((System.nanoTime() - startNanos) / 1e9, value));
            }
        } catch (RuntimeException e) {
            // Skipped: one missing second does not change the curve.
        }
    }

    List<Sample> stop() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(30, TimeUnit.SECONDS);
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    static long max(List<Sample> samples) {
        return samples.stream().mapToLong(Sample::lag).max().orElse(-1);
    }

    /** Every {@code step}-th second's lag as {@code t:lag} pairs, for a short printed series. */
    static String series(List<Sample> samples, int step) {
        var parts = new ArrayList<String>();
        double next = 0;
        for (Sample s : samples) {
            if (s.seconds() + 0.5 >= next) {
                parts.add(String.format(java.util.Locale.ROOT, "%.0f:%d", s.seconds(), s.lag()));
                next = s.seconds() + step;
            }
        }
        return String.join(" ", parts);
    }
}
