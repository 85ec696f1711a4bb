package io.cuepoint.api.web;

import io.cuepoint.api.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;

import static io.cuepoint.api.web.Http.problem;
import static io.cuepoint.api.web.Http.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/** Server paths are off by default: even an existing file is refused, before anything is queued. */
@MicronautTest
class ServerPathsDisabledTest extends ApiTestBase {
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void serverPathsAreForbiddenByDefault() throws Exception {
        var file = Files.write(dataDir.resolve("lecture.mp4"), new byte[] {1, 2, 3});
        var problem = problem(client.toBlocking(),
                withKey(HttpRequest.POST("/api/v1/videos", Map.of("path", file.toString()))), 403);
        assertThat(problem.get("detail").toString()).contains("cuepoint.allow-server-paths");
    }
}
