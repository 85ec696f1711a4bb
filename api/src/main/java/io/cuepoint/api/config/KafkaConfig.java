package io.cuepoint.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

/**
 * How the api reaches Kafka.
 *
 * @param bootstrapServers {@code cuepoint.kafka.bootstrap-servers} (env {@code CUEPOINT_KAFKA_BOOTSTRAP_SERVERS}):
 *                         comma-separated {@code host:port} list; default {@code localhost:9092}
 */
@ConfigurationProperties("cuepoint.kafka")
public record KafkaConfig(@Bindable(defaultValue = "localhost:9092") @NotBlank String bootstrapServers) {
}
