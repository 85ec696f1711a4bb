package io.cuepoint.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Webhook deliveries. Keys under {@code cuepoint.webhooks.*} (environment {@code CUEPOINT_WEBHOOKS_*}).
 *
 * @param dispatcherEnabled {@code dispatcher-enabled}: send deliveries from this process; default true. Every
 *                          replica may run one: deliveries are claimed with {@code FOR UPDATE SKIP LOCKED}.
 * @param pollMs            {@code poll-ms}: how often the dispatcher looks for due deliveries, in ms; default 1000
 * @param batchSize         {@code batch-size}: deliveries claimed per poll; default 20
 * @param timeout           {@code timeout}: one attempt, connect to last byte; default 10s
 * @param maxAttempts       {@code max-attempts}: attempts before a delivery is marked failed; default 8
 * @param backoffBase       {@code backoff-base}: the wait before the first retry; each later retry may wait up to
 *                          twice as long as the one before (full jitter above the base); default 30s
 * @param backoffMax        {@code backoff-max}: the longest wait between attempts; default 1h
 */
@ConfigurationProperties("cuepoint.webhooks")
public record WebhookConfig(
        @Bindable(defaultValue = "true") boolean dispatcherEnabled,
        @Bindable(defaultValue = "1000") long pollMs,
        @Bindable(defaultValue = "20") int batchSize,
        @Bindable(defaultValue = "10s") Duration timeout,
        @Bindable(defaultValue = "8") int maxAttempts,
        @Bindable(defaultValue = "30s") Duration backoffBase,
        @Bindable(defaultValue = "1h") Duration backoffMax) {

    public WebhookConfig {
        if (pollMs < 10) {
            throw new ConfigurationException("cuepoint.webhooks.poll-ms must be at least 10, not " + pollMs);
        }
        if (batchSize < 1 || batchSize > 1000) {
            throw new ConfigurationException("cuepoint.webhooks.batch-size must be 1 to 1000, not " + batchSize);
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new ConfigurationException("cuepoint.webhooks.max-attempts must be 1 to 100, not " + maxAttempts);
        }
        positive("timeout", timeout);
        positive("backoff-base", backoffBase);
        positive("backoff-max", backoffMax);
        if (backoffMax.compareTo(backoffBase) < 0) {
            throw new ConfigurationException("cuepoint.webhooks.backoff-max (" + backoffMax
                    + ") must not be shorter than cuepoint.webhooks.backoff-base (" + backoffBase + ")");
        }
    }

    private static void positive(String key, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ConfigurationException("cuepoint.webhooks." + key + " must be a positive duration, not " + d);
        }
    }
}
