package io.cuepoint.api.config;

import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Resolves the configuration at start-up, so a bad value fails there, and logs it once. */
@Context
public final class ConfigLogger {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLogger.class);

    public ConfigLogger(CuepointConfig config, KafkaConfig kafka, MaterializerConfig materializer,
                        EngagementConfig engagement, AuthConfig auth) {
        LOG.info("cuepoint api: {}, {}, {}, {}, {}", config, kafka, materializer, engagement, auth);
    }
}
