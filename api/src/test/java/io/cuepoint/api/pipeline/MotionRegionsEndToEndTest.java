package io.cuepoint.api.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.api.embedded.AllInOne;
import io.cuepoint.ingest.IngestConfig;
import io.cuepoint.ingest.testing.TestMedia;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regions of interest end to end: vtest.avi (79.5 s of pedestrians in front of a static camera) through the
 * all-in-one with its HTTP server and the shots and motion detectors. Looking at frames at 20 s and 60 s: people
 * walk along the paved path that crosses the right half of the picture (about x 0.5–1, y 0.35–0.75); nobody comes
 * near the brick facade of the building at the top (x 0.42–0.74, y 0–0.13). (The lawn on the left looks empty
 * at 20 s, but people cross it at 55 s and from 68 s to 76 s.) A region over the path is defined while the video
 * is still being analysed, one over the facade after it completed.
 */
class MotionRegionsEndToEndTest {
    private static final String KEY = "e2e-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    @Test
    void theWalkwayRegionIsActiveMuchMoreThanTheFacade() throws Exception {
        var analyzer = AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.DETECTORS, "shots,motion"));
        Path clip = TestMedia.vtest();
        try (var cuepoint = AllInOne.start(new AllInOne.Options(dir.resolve("data"), IngestConfig.defaults(), analyzer,
                true, Map.of("micronaut.server.port", -1, "cuepoint.api-keys", KEY,
                        "cuepoint.allow-server-paths", true, "cuepoint.server-path-roots", clip.getParent().toString())))) {
            base = "http://localhost:" + cuepoint.context().getBean(EmbeddedServer.class).getPort() + "/api/v1/videos";
            String id = send("POST", base, "{\"path\": \"" + clip + "\"}", 202).get("id").asText();
            send("PUT", base + "/" + id + "/regions/walkway", box(0.5, 0.35, 1.0, 0.75), 201);

            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !send("GET", base + "/" + id, null, 200).get("status").asText()
                            .matches("QUEUED|DECODING|ANALYZING"));
            assertThat(send("GET", base + "/" + id, null, 200).get("status").asText()).isEqualTo("COMPLETED");
            send("PUT", base + "/" + id + "/regions/facade", box(0.42, 0.0, 0.74, 0.13), 201);

            JsonNode walkway = send("GET", base + "/" + id + "/regions/walkway/motion", null, 200);
            JsonNode facade = send("GET", base + "/" + id + "/regions/facade/motion", null, 200);
            // 79.5 s at 4 samples per second.
            assertThat(walkway.get("series").size()).isBetween(310, 325);
            long walkwayActive = activeMs(walkway);
            long facadeActive = activeMs(facade);
            assertThat(walkwayActive).as("walkway active ms").isGreaterThan(60_000);
            assertThat(facadeActive).as("facade active ms").isLessThan(3_000);
            assertThat(meanShare(walkway)).isGreaterThan(5 * meanShare(facade));

            // No cuts: one shot, busiest on the path.
            JsonNode shots = send("GET", base + "/" + id + "/heatmaps", null, 200).get("shots");
            assertThat(shots).hasSize(1);
            JsonNode peak = shots.get(0).get("peak");
            assertThat(shots.get(0).get("cols").asInt()).isEqualTo(32);
            assertThat(shots.get(0).get("rows").asInt()).isEqualTo(24);
            assertThat(peak.at("/box/left").asDouble()).isGreaterThanOrEqualTo(0.3);
            assertThat(peak.at("/box/top").asDouble()).isBetween(0.1, 0.8);
        }
    }

    private static long activeMs(JsonNode motion) {
        long total = 0;
        for (JsonNode interval : motion.get("intervals")) {
            if (interval.get("type").asText().equals("region.active")) {
                total += interval.get("endMs").asLong() - interval.get("startMs").asLong();
            }
        }
        return total;
    }

    private static double meanShare(JsonNode motion) {
        double sum = 0;
        for (JsonNode point : motion.get("series")) {
            sum += point.get("share").asDouble();
        }
        return sum / motion.get("series").size();
    }

    private static String box(double left, double top, double right, double bottom) {
        return "{\"box\": {\"left\": " + left + ", \"top\": " + top + ", \"right\": " + right + ", \"bottom\": "
                + bottom + "}}";
    }

    private JsonNode send(String method, String uri, String body, int status) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(uri)).header("X-API-Key", KEY)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, uri, response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
