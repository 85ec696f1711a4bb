package io.cuepoint.api.webhook;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A webhook to create.
 *
 * @param url    where deliveries are POSTed: http or https, an address the egress guard allows
 * @param events which events to send; default every event ({@code video.completed}, {@code video.failed})
 */
@Introspected
@Schema(name = "WebhookDefinition")
public record WebhookDefinition(
        @Schema(example = "https://lms.example.edu/hooks/cuepoint") @Nullable String url,
        @Schema(example = "[\"video.completed\", \"video.failed\"]") @Nullable List<String> events) {
}
