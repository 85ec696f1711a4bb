package io.cuepoint.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

/**
 * The materializer that reads events and progress from Kafka into PostgreSQL.
 *
 * @param enabled {@code cuepoint.materializer.enabled}: run the consumer in this process; default true. Turn it off
 *                for api replicas that only serve, or in tests that apply records directly.
 * @param groupId {@code cuepoint.materializer.group-id}: Kafka consumer group; default {@code cuepoint-api}
 */
@ConfigurationProperties("cuepoint.materializer")
public record MaterializerConfig(@Bindable(defaultValue = "true") boolean enabled,
                                 @Bindable(defaultValue = "cuepoint-api") @NotBlank String groupId) {
}
