package io.cuepoint.api.config;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class CuepointConfigTest {
    private static final Map<String, Object> NO_INFRASTRUCTURE = Map.of(
            "flyway.datasources.default.enabled", false,
            "cuepoint.materializer.enabled", false);

    @Test
    void startUpFailsWithoutAnApiKeyAndSaysWhichSettingToSet() {
        Throwable failure = catchThrowable(() -> ApplicationContext.run(NO_INFRASTRUCTURE).close());
        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains("cuepoint.api-keys").contains("CUEPOINT_API_KEYS");
    }

    @Test
    void defaultsAreResolved() {
        var properties = new java.util.HashMap<String, Object>(NO_INFRASTRUCTURE);
        properties.put("cuepoint.api-keys", "a, b");
        properties.put("datasources.default.url", io.cuepoint.api.TestPostgres.newDatabase());
        properties.put("datasources.default.username", "postgres");
        properties.put("datasources.default.password", "postgres");
        properties.put("cuepoint.data-dir", "/srv/cuepoint");
        try (var context = ApplicationContext.run(properties)) {
            var config = context.getBean(CuepointConfig.class);
            assertThat(config.apiKeys()).containsExactly("a", "b");
            assertThat(config.mediaDirectory()).isEqualTo(Path.of("/srv/cuepoint/media"));
            assertThat(config.allowServerPaths()).isFalse();
            assertThat(config.maxUploadBytes()).isEqualTo(4L << 30);
            assertThat(config.toString()).doesNotContain("a, b");
            assertThat(context.getBean(MaterializerConfig.class).groupId()).isEqualTo("cuepoint-api");
            assertThat(context.getBean(KafkaConfig.class).bootstrapServers()).isEqualTo("localhost:9092");
        }
    }

    private static String messages(Throwable t) {
        var all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }
}
