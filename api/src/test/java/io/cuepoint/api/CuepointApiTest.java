package io.cuepoint.api;

import io.cuepoint.api.access.Principal;
import io.cuepoint.api.timeline.TimelineService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The programmatic start the all-in-one mode uses. */
class CuepointApiTest {

    @Test
    void startsWithGivenDatabaseAndKeyAndServesTheApi() {
        try (var context = CuepointApi.start(Map.of(
                "datasources.default.url", TestPostgres.newDatabase(),
                "datasources.default.username", "postgres",
                "datasources.default.password", "postgres",
                "cuepoint.api-keys", "embedded-key",
                "cuepoint.materializer.enabled", false,
                "micronaut.server.port", -1))) {
            var server = context.getBean(EmbeddedServer.class);
            assertThat(server.isRunning()).isTrue();
            try (var client = HttpClient.create(server.getURL())) {
                String page = client.toBlocking().retrieve(
                        HttpRequest.GET("/api/v1/videos").header("X-API-Key", "embedded-key"), String.class);
                assertThat(page).contains("\"items\":[]");
            }
            assertThat(context.getBean(TimelineService.class).videos(Principal.local(), 10, null).items()).isEmpty();
        }
    }
}
