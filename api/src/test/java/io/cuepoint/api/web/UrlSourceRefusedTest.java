package io.cuepoint.api.web;

import io.cuepoint.api.ApiTestBase;
import io.cuepoint.api.egress.LocalHttpServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.cuepoint.api.egress.LocalHttpServer.respond;
import static io.cuepoint.api.web.Http.getJson;
import static io.cuepoint.api.web.Http.problem;
import static io.cuepoint.api.web.Http.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without cuepoint.egress.allowed-networks, URL sources that lead to this machine, private networks or a metadata
 * service are refused with the reason, in every spelling. A real server listens on 127.0.0.1 at the port the URLs
 * name, so a guard that let one through would show up as a request it received.
 */
@MicronautTest
class UrlSourceRefusedTest extends ApiTestBase {
    @Inject
    @Client("/")
    HttpClient httpClient;

    private final LocalHttpServer local = new LocalHttpServer();
    private BlockingHttpClient client;

    @BeforeAll
    void setUp() {
        client = httpClient.toBlocking();
        local.on("/", exchange -> respond(exchange, 200, "secret internal bytes".getBytes()));
    }

    @AfterAll
    void tearDown() {
        local.close();
    }

    @Test
    void loopbackPrivateAndMetadataAddressesAreRefusedInEverySpelling() {
        int port = local.port();
        Map<String, String> refusals = Map.ofEntries(
                Map.entry("http://localhost:" + port + "/v.mp4", "localhost resolves to "),
                Map.entry("http://127.0.0.1:" + port + "/v.mp4", "127.0.0.1 is a loopback address"),
                Map.entry("http://[::1]:" + port + "/v.mp4", "::1 is a loopback address"),
                Map.entry("http://[::ffff:127.0.0.1]:" + port + "/v.mp4", "a loopback address"),
                Map.entry("http://0.0.0.0:" + port + "/v.mp4", "0.0.0.0 is the unspecified address"),
                Map.entry("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a cloud metadata address"),
                Map.entry("http://[fd00:ec2::254]/latest/meta-data/", "a cloud metadata address"),
                Map.entry("http://10.0.0.1/v.mp4", "10.0.0.1 is a private address"),
                Map.entry("http://192.168.0.10/v.mp4", "a private address"),
                Map.entry("http://100.64.1.1/v.mp4", "carrier-grade NAT"),
                Map.entry("http://2130706433:" + port + "/v.mp4", "2130706433 is an ambiguous numeric form of 127.0.0.1"),
                Map.entry("http://0x7f.1:" + port + "/v.mp4", "0x7f.1 is an ambiguous numeric form of 127.0.0.1"),
                Map.entry("http://0177.0.0.1:" + port + "/v.mp4", "of 127.0.0.1"),
                Map.entry("http://127.1:" + port + "/v.mp4", "of 127.0.0.1"));
        refusals.forEach((url, why) -> {
            var refused = problem(client, withKey(HttpRequest.POST("/api/v1/videos", Map.of("url", url))), 400);
            String detail = refused.get("detail").toString();
            assertThat(detail).as(url).startsWith("refused: ").contains(why);
            // An ambiguous spelling is refused whatever the allowance; everything else says how to allow it.
            assertThat(detail.contains("ambiguous") || detail.contains("cuepoint.egress.allowed-networks")).as(detail)
                    .isTrue();
        });
        assertThat(local.received()).as("the local server was never reached").isEmpty();
        assertThat((List<?>) getJson(client, "/api/v1/videos").get("items")).as("no video was recorded").isEmpty();
    }
}
