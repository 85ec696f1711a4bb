package io.cuepoint.api.ops;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * What {@code /health/live} and {@code /health/ready} answer. Ready: the process finished starting and every
 * dependency check (Kafka, PostgreSQL for the api) answered within {@link #TIMEOUT}; answers are cached for
 * {@link #MAX_AGE}. Live: no worker thread of the process died on its own.
 */
final class Readiness implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        var thread = new Thread(runnable, "cuepoint-health-check");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, CachedCheck> checks = new LinkedHashMap<>();
    private volatile Supplier<List<String>> deadWorkers = List::of;
    private volatile boolean started;

    synchronized void add(String name, Check check) {
        checks.put(name, new CachedCheck(check, executor, TIMEOUT, MAX_AGE));
    }

    /** @param deadWorkers what stopped on its own, e.g. {@code analyzer-1: stopped by IllegalStateException} */
    void liveness(Supplier<List<String>> deadWorkers) {
        this.deadWorkers = deadWorkers;
    }

    void started() {
        started = true;
    }

    Health live() {
        var dead = deadWorkers.get();
        return new Health(Map.of("workers", dead.isEmpty() ? CachedCheck.UP : "DOWN: " + String.join("; ", dead)));
    }

    Health ready() {
        Map<String, CachedCheck> current;
        synchronized (this) {
            current = new LinkedHashMap<>(checks);
        }
        var statuses = new LinkedHashMap<String, String>();
        if (!started) {
            statuses.put("startup", "DOWN: starting");
        }
        // Started together, so a probe waits for the slowest check, not for their sum.
        current.values().forEach(CachedCheck::refresh);
        current.forEach((name, check) -> statuses.put(name, check.status()));
        return new Health(statuses);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
