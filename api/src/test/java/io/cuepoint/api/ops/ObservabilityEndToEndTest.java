package io.cuepoint.api.ops;

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
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline in one process with its management endpoints, as {@code cuepoint serve} runs it: a real
 * clip submitted over HTTP is decoded, analysed by the real models and materialized into the real PostgreSQL,
 * and every stage's meters in {@code /metrics} say so; the process is live and ready.
 */
class ObservabilityEndToEndTest {
    private static final String KEY = "obs-key";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aVideoThroughThePipelineMovesEveryStagesMeters() throws Exception {
        // 4 s at 25 fps in 2 s segments: two segments, cuts at frames 30 and 70.
        var clip = TestMedia.generateClipWithCuts(dir.resolve("talk.mp4"), 320, 240, 25, 100, new int[] {30, 70});
        var defaults = IngestConfig.defaults();
        var ingest = new IngestConfig(2_000, defaults.sampleFps(), defaults.analysisMaxSide(), defaults.thumbnailWidth(),
                defaults.jpegQuality(), defaults.audioWindowMs(), defaults.decoderThreads(), defaults.progressIntervalMs());
        var analyzer = AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.DETECTORS, "shots,motion,pose"));
        try (var management = Management.start(new ManagementConfig(OptionalInt.of(0)));
             var cuepoint = AllInOne.start(new AllInOne.Options(dir.resolve("data"), ingest, analyzer, true, Map.of(
                     "micronaut.server.port", -1, "cuepoint.api-keys", KEY, "cuepoint.allow-server-paths", true,
                     "cuepoint.server-path-roots", dir.toString())))) {
            cuepoint.watch(management);
            String api = "http://127.0.0.1:" + cuepoint.context().getBean(EmbeddedServer.class).getPort() + "/api/v1";
            var submitted = http.send(HttpRequest.newBuilder(URI.create(api + "/videos")).header("X-API-Key", KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"path\":\"" + clip.path() + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
            String id = json.readTree(submitted.body()).get("id").asText();
            await().atMost(Duration.ofMinutes(2)).until(() -> !status(api, id).matches("QUEUED|DECODING|ANALYZING"));
            assertThat(status(api, id)).isEqualTo("COMPLETED");

            String metrics = get(management, "/metrics").body();
            assertThat(value(metrics, "cuepoint_frames_decoded_total")).isEqualTo(clip.frames());
            assertThat(value(metrics, "cuepoint_ingest_jobs_seconds_count{outcome=\"completed\"}")).isEqualTo(1);
            assertThat(value(metrics, "cuepoint_segments_analyzed_seconds_count{outcome=\"done\"}")).isEqualTo(2);
            assertThat(value(metrics, "cuepoint_inference_seconds_count{model=\"movenet-lightning\"}")).isPositive();
            assertThat(metrics).contains("cuepoint_inference_seconds_bucket{model=\"movenet-lightning\",le=");
            double published = value(metrics, "cuepoint_events_published_total");
            assertThat(published).isPositive();
            assertThat(value(metrics, "cuepoint_events_materialized_total")).isPositive().isLessThanOrEqualTo(published);
            assertThat(value(metrics, "cuepoint_videos_finished_seconds_count{status=\"completed\"}")).isEqualTo(1);
            assertThat(value(metrics, "cuepoint_http_requests_seconds_count{method=\"POST\",status=\"202\"}")).isEqualTo(1);
            assertThat(metrics).doesNotContain(id).contains("jvm_memory_used_bytes");

            // Everything was consumed: once measured again, no group is behind.
            management.lagMeter().refresh();
            String lag = get(management, "/metrics").body();
            assertThat(value(lag, "cuepoint_consumer_lag{group=\"cuepoint-ingest\",topic=\"cuepoint.jobs.v1\"}")).isZero();
            assertThat(value(lag, "cuepoint_consumer_lag{group=\"cuepoint-analyzer\",topic=\"cuepoint.frames.v1\"}")).isZero();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                management.lagMeter().refresh();
                assertThat(value(get(management, "/metrics").body(),
                        "cuepoint_consumer_lag{group=\"cuepoint-api\",topic=\"cuepoint.events.v1\"}")).isZero();
            });

            assertThat(get(management, "/health/live").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> get(management, "/health/ready").statusCode() == 200);
            JsonNode ready = json.readTree(get(management, "/health/ready").body());
            assertThat(ready.at("/checks/kafka").asText()).isEqualTo("UP");
            assertThat(ready.at("/checks/database").asText()).isEqualTo("UP");
        }
    }

    private String status(String api, String id) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(api + "/videos/" + id)).header("X-API-Key", KEY)
                .build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body()).get("status").asText();
    }

    private HttpResponse<String> get(Management management, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The sample's value in Prometheus text format; fails when the series is missing. */
    static double value(String metrics, String series) {
        var matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        assertThat(matcher.find()).as("series %s in%n%s", series, metrics).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
