package io.cuepoint.api.ops;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link Check} answered from a cache: probes arrive every few seconds from several places, and each must not
 * cost the dependency a round trip nor wait on a dead one for longer than the probe's own timeout. A check that
 * hangs reports DOWN after {@code timeout}; it is not started again until that run ends.
 */
final class CachedCheck {
    static final String UP = "UP";

    private final Check check;
    private final ExecutorService executor;
    private final Duration timeout;
    private final Duration maxAge;
    private Future<String> running;
    private String last;
    private long lastNanos;

    CachedCheck(Check check, ExecutorService executor, Duration timeout, Duration maxAge) {
        this.check = check;
        this.executor = executor;
        this.timeout = timeout;
        this.maxAge = maxAge;
    }

    /** Starts a run unless the last answer is fresh or one is under way; {@link #status()} then waits for it. */
    synchronized void refresh() {
        if (!fresh() && running == null) {
            running = executor.submit(this::runOnce);
        }
    }

    private boolean fresh() {
        return last != null && System.nanoTime() - lastNanos < maxAge.toNanos();
    }

    /** {@value #UP}, or {@code DOWN: <reason>}. */
    synchronized String status() {
        if (fresh()) {
            return last;
        }
        refresh();
        try {
            last = running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            running = null;
        } catch (TimeoutException e) {
            last = "DOWN: no answer within " + timeout.toSeconds() + " s";
        } catch (ExecutionException e) {
            running = null;
            last = "DOWN: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "DOWN: interrupted";
        }
        lastNanos = System.nanoTime();
        return last;
    }

    private String runOnce() {
        try {
            check.run();
            return UP;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "DOWN: interrupted";
        } catch (Exception e) {
            var cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return "DOWN: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
    }
}
