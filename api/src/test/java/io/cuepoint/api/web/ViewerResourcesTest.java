package io.cuepoint.api.web;

import io.cuepoint.api.ApiTestBase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The viewer and the API documentation are served without any credential and without anything from
 * elsewhere: the root leads to the viewer, its page and every module it imports come back with their types,
 * and /docs serves Swagger UI from the webjar pointed at the generated spec.
 */
@MicronautTest
class ViewerResourcesTest extends ApiTestBase {
    private static final Pattern IMPORT = Pattern.compile("from '\\./([a-z]+\\.js)'");

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theRootRedirectsToTheViewer() throws Exception {
        var response = get("/");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/viewer/");
    }

    @Test
    void thePageAndEveryModuleItImportsAreServed() throws Exception {
        var page = get("/viewer/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"/viewer/js/app.js\">")
                .contains("href=\"/viewer/viewer.css\"").doesNotContain("https://").doesNotContain("http://");

        var css = get("/viewer/viewer.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));

        // Follow the imports from app.js: every module a browser will ask for must be there, as JavaScript.
        var pending = new java.util.ArrayDeque<>(List.of("app.js"));
        var seen = new java.util.HashSet<String>();
        while (!pending.isEmpty()) {
            String module = pending.pop();
            if (!seen.add(module)) {
                continue;
            }
            var js = get("/viewer/js/" + module);
            assertThat(js.statusCode()).as(module).isEqualTo(200);
            assertThat(js.headers().firstValue("Content-Type")).as(module)
                    .hasValueSatisfying(t -> assertThat(t).matches("(text|application)/javascript.*"));
            assertThat(js.body()).as(module).doesNotContain("https://").doesNotContain("http://");
            IMPORT.matcher(js.body()).results().map(m -> m.group(1)).forEach(pending::add);
        }
        assertThat(seen).contains("api.js", "timeline.js", "events.js", "library.js", "videopage.js");
    }

    @Test
    void theViewerNeedsNoCredentialButTheApiStillDoes() throws Exception {
        assertThat(get("/viewer/js/api.js").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/videos").statusCode()).isEqualTo(401);
        assertThat(get("/viewer/no-such-file.js").statusCode()).isEqualTo(404);
    }

    @Test
    void docsServeSwaggerUiOnTheGeneratedSpec() throws Exception {
        var page = get("/docs/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/docs/ui/swagger-ui-bundle.js").contains("/docs/swagger-initializer.js");

        var init = get("/docs/swagger-initializer.js");
        assertThat(init.statusCode()).isEqualTo(200);
        assertThat(init.body()).contains("url: '/swagger/cuepoint.yml'");

        var bundle = get("/docs/ui/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).matches("(text|application)/javascript.*"));
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        var css = get("/docs/ui/swagger-ui.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(get("/docs/ui/no-such-file.js").statusCode()).isEqualTo(404);

        var spec = get("/swagger/cuepoint.yml");
        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.body()).contains("openapi:").contains("/api/v1/videos/{id}/media:");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
