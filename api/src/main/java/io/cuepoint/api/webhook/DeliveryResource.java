package io.cuepoint.api.webhook;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * One delivery of one event to one webhook, with its attempts.
 *
 * @param status        {@code pending} (waiting for its next attempt), {@code delivered} (a 2xx answer) or
 *                      {@code failed} (no 2xx within {@code cuepoint.webhooks.max-attempts}, or the webhook was
 *                      deleted)
 * @param nextAttemptAt when a pending delivery is tried next
 * @param log           every attempt, oldest first
 */
@Schema(name = "WebhookDelivery")
public record DeliveryResource(String id, String webhookId, String videoId, String event, String status,
                               int attempts, @Nullable Instant nextAttemptAt, @Nullable Integer lastStatusCode,
                               @Nullable String lastError, Instant createdAt, @Nullable Instant deliveredAt,
                               List<Attempt> log) {

    /**
     * One attempt.
     *
     * @param statusCode the receiver's HTTP status; null when none came (refused, unreachable, timed out)
     * @param error      why the attempt failed; null when it succeeded
     */
    @Schema(name = "WebhookAttempt")
    public record Attempt(int attempt, Instant at, @Nullable Integer statusCode, @Nullable String error,
                          long durationMs) {
    }

    DeliveryResource withLog(List<Attempt> attempts) {
        return new DeliveryResource(id, webhookId, videoId, event, status, this.attempts, nextAttemptAt,
                lastStatusCode, lastError, createdAt, deliveredAt, List.copyOf(attempts));
    }
}
