package io.cuepoint.api.webhook;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A webhook as the api serves it.
 *
 * @param secret the signing key; only in the answer to its creation, never again
 */
@Schema(name = "Webhook")
public record WebhookResource(String id, String url, List<String> events, Instant createdAt,
                              @Nullable Instant disabledAt, @Nullable String secret) {
    /** The same webhook without its secret. */
    WebhookResource withoutSecret() {
        return new WebhookResource(id, url, events, createdAt, disabledAt, null);
    }
}
