package io.cuepoint.api.webhook;

import io.cuepoint.api.config.WebhookConfig;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The wait before a delivery's next attempt: exponential (factor 2 from {@code cuepoint.webhooks.backoff-base}),
 * capped at {@code backoff-max}, with full jitter above the base. The jitter spreads the retries of many
 * deliveries that failed together (a receiver that was down); the floor keeps any retry from coming sooner than
 * the base.
 */
final class Backoff {
    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    Backoff(WebhookConfig config, RandomGenerator random) {
        this.base = config.backoffBase();
        this.max = config.backoffMax();
        this.random = random;
    }

    /** The wait after the {@code failedAttempts}-th failed attempt (1 for the first). */
    Duration after(int failedAttempts) {
        long baseMs = base.toMillis();
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 40);
        long ceiling = Math.min(max.toMillis(), baseMs > Long.MAX_VALUE >> doublings ? Long.MAX_VALUE
                : baseMs << doublings);
        long floor = Math.min(baseMs, ceiling);
        return Duration.ofMillis(floor + (ceiling > floor ? random.nextLong(ceiling - floor + 1) : 0));
    }
}
