package io.cuepoint.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engagement settings: bound defaults equal the documented ones, and bad values stop start-up by key. */
class EngagementConfigTest {
    @Test
    void boundDefaultsAreTheDocumentedOnes() {
        try (var context = ApplicationContext.run(properties(Map.of()))) {
            assertThat(context.getBean(EngagementConfig.class)).isEqualTo(EngagementConfig.defaults());
            assertThat(EngagementConfig.defaults().weights().values().stream().mapToDouble(Double::doubleValue).sum())
                    .isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        }
        try (var context = ApplicationContext.run(properties(Map.of("cuepoint.engagement.gesture-weight", "0")))) {
            assertThat(context.getBean(EngagementConfig.class).weights()).containsEntry("gesture", 0.0);
        }
    }

    @Test
    void badValuesStopStartUpNamingTheKey() {
        var failure = catchThrowable(() -> ApplicationContext.run(properties(Map.of(
                "cuepoint.engagement.static-full-ms", "60000"))).close());
        assertThat(messages(failure)).contains("cuepoint.engagement.static-full-ms");
        assertThat(catchThrowable(() -> new EngagementConfig(0, 0, 0, 0, 0, 0, 30_000, 120_000, 360_000, 360_000, 200,
                30_000, 30_000, 60_000, 120_000, 1.0, 60_000))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("weight");
        assertThat(catchThrowable(() -> new EngagementConfig(-1, 0, 0, 0, 0, 1, 30_000, 120_000, 360_000, 360_000,
                200, 30_000, 30_000, 60_000, 120_000, 1.0, 60_000))).hasMessageContaining("speaking-rate-weight");
    }

    private static Map<String, Object> properties(Map<String, Object> extra) {
        var p = new HashMap<String, Object>();
        p.put("flyway.datasources.default.enabled", false);
        p.put("cuepoint.materializer.enabled", false);
        p.put("cuepoint.api-keys", "a");
        p.put("datasources.default.url", io.cuepoint.api.TestPostgres.newDatabase());
        p.put("datasources.default.username", "postgres");
        p.put("datasources.default.password", "postgres");
        p.putAll(extra);
        return p;
    }

    private static String messages(Throwable t) {
        var all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }
}
