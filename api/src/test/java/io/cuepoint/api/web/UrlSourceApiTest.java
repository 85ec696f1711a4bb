package io.cuepoint.api.web;

import io.cuepoint.api.ApiTestBase;
import io.cuepoint.api.TestKafka;
import io.cuepoint.api.egress.LocalHttpServer;
import io.cuepoint.ingest.wire.JobRequest;
import io.cuepoint.ingest.wire.WireJson;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static io.cuepoint.api.egress.LocalHttpServer.respond;
import static io.cuepoint.api.web.Http.parse;
import static io.cuepoint.api.web.Http.problem;
import static io.cuepoint.api.web.Http.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * URL sources against a real HTTP server on 127.0.0.1, which cuepoint.egress.allowed-networks allows here (and only
 * that address): downloads, redirects, refused redirect targets, size and time limits, upstream errors.
 */
@MicronautTest
class UrlSourceApiTest extends ApiTestBase {
    private static final int LIMIT = 64 * 1024;
    private static final byte[] VIDEO = "bytes of a lecture recording".repeat(100).getBytes();

    @Inject
    @Client("/")
    HttpClient httpClient;

    private final LocalHttpServer origin = new LocalHttpServer();
    private final Map<String, JobRequest> jobs = new ConcurrentHashMap<>();
    private KafkaConsumer<String, byte[]> jobConsumer;
    private BlockingHttpClient client;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "cuepoint.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                "cuepoint.egress.allowed-networks", "127.0.0.1/32",
                "cuepoint.max-upload-bytes", Integer.toString(LIMIT),
                "cuepoint.egress.download-timeout", "1500ms",
                "cuepoint.egress.max-redirects", "2");
    }

    @BeforeAll
    void setUp() throws Exception {
        client = httpClient.toBlocking();
        origin.on("/lectures/", exchange -> respond(exchange, 200, VIDEO))
                .on("/named", exchange -> {
                    exchange.getResponseHeaders().add("Content-Disposition",
                            "attachment; filename=\"../../Ward Round.mp4\"");
                    respond(exchange, 200, VIDEO);
                })
                .on("/moved", exchange -> redirect(exchange, "/lectures/moved.mp4"))
                .on("/loop", exchange -> redirect(exchange, "/loop"))
                .on("/to-metadata", exchange -> redirect(exchange, "http://169.254.169.254/latest/meta-data/"))
                .on("/to-private", exchange -> redirect(exchange, "http://10.1.2.3/video.mp4"))
                .on("/big-declared", exchange -> respond(exchange, 200, new byte[LIMIT + 1]))
                .on("/big-chunked", exchange -> {
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        for (int i = 0; i < 4; i++) {
                            out.write(new byte[LIMIT / 2]);
                            out.flush();
                        }
                    } catch (IOException closedByClient) {
                        // The api stopped reading at the limit.
                    }
                })
                .on("/slow", exchange -> {
                    exchange.sendResponseHeaders(200, 0);
                    // One byte every 100 ms: never silent long enough for the read timeout, so only the total
                    // deadline can stop it. Ends when the api hangs up (or after 30 s at worst).
                    try (OutputStream out = exchange.getResponseBody()) {
                        for (int i = 0; i < 300; i++) {
                            out.write('x');
                            out.flush();
                            sleepQuietly();
                        }
                    } catch (IOException closedByClient) {
                        // Expected.
                    }
                })
                .on("/missing", exchange -> respond(exchange, 404, "no such lecture".getBytes()))
                .on("/broken", exchange -> respond(exchange, 503, new byte[0]));

        jobConsumer = TestKafka.jobsConsumer();
    }

    @AfterAll
    void tearDown() {
        jobConsumer.close();
        origin.close();
    }

    @Test
    void aDownloadedUrlIsStoredAndQueuedLikeAnUpload() throws Exception {
        var response = client.exchange(submit(origin.url("/lectures/week%201%20(intro).mp4")), String.class);

        assertThat(response.code()).isEqualTo(202);
        Map<String, Object> video = parse(response.body());
        String id = (String) video.get("id");
        assertThat(response.header("Location")).isEqualTo("/api/v1/videos/" + id);
        assertThat(video).containsEntry("status", "QUEUED").containsEntry("filename", "week_1__intro_.mp4");
        Path stored = mediaDir().resolve(id).resolve("week_1__intro_.mp4");
        assertThat(stored).hasBinaryContent(VIDEO);
        assertThat(awaitJob(id).source()).isEqualTo(stored.toAbsolutePath().toString());
        assertThat(origin.received("/lectures/week 1 (intro).mp4")).singleElement()
                .satisfies(r -> assertThat(r.method()).isEqualTo("GET"));
    }

    @Test
    void theContentDispositionNameIsUsedSanitized() {
        Map<String, Object> video = parse(client.retrieve(submit(origin.url("/named")), String.class));
        assertThat(video).containsEntry("filename", "Ward_Round.mp4");
        assertThat(mediaDir().resolve((String) video.get("id")).resolve("Ward_Round.mp4")).hasBinaryContent(VIDEO);
    }

    @Test
    void redirectsAreFollowedAndEachTargetIsChecked() throws Exception {
        Map<String, Object> video = parse(client.retrieve(submit(origin.url("/moved")), String.class));
        assertThat(video).containsEntry("filename", "moved.mp4");
        assertThat(awaitJob((String) video.get("id"))).isNotNull();

        int before = folders();
        var metadata = problem(client, submit(origin.url("/to-metadata")), 400);
        assertThat(metadata.get("detail").toString()).startsWith("refused: 169.254.169.254 is a cloud metadata address")
                .contains("redirected to http://169.254.169.254/latest/meta-data/");
        var internal = problem(client, submit(origin.url("/to-private")), 400);
        assertThat(internal.get("detail").toString()).contains("10.1.2.3 is a private address");
        var loop = problem(client, submit(origin.url("/loop")), 502);
        assertThat(loop.get("detail").toString()).contains("cuepoint.egress.max-redirects");
        assertThat(folders()).isEqualTo(before);
    }

    @Test
    void tooLargeDownloadsAre413WhetherDeclaredOrStreamed() {
        int before = folders();
        int videos = videoCount();
        var declared = problem(client, submit(origin.url("/big-declared")), 413);
        assertThat(declared.get("detail").toString()).contains(Integer.toString(LIMIT), "cuepoint.max-upload-bytes");
        var chunked = problem(client, submit(origin.url("/big-chunked")), 413);
        assertThat(chunked.get("detail").toString()).contains(Integer.toString(LIMIT));
        assertThat(folders()).as("no partial file stays behind").isEqualTo(before);
        assertThat(videoCount()).as("no video recorded for a failed download").isEqualTo(videos);
    }

    @Test
    void aSlowServerRunsIntoTheDeadline() {
        int before = folders();
        var slow = problem(client, submit(origin.url("/slow")), 504);
        assertThat(slow.get("detail").toString()).contains("1500 ms", "cuepoint.egress.download-timeout");
        assertThat(folders()).as("no partial file stays behind").isEqualTo(before);
    }

    @Test
    void upstreamErrorsAre502NamingTheStatus() {
        assertThat(problem(client, submit(origin.url("/missing")), 502).get("detail").toString()).contains("404");
        assertThat(problem(client, submit(origin.url("/broken")), 502).get("detail").toString()).contains("503");
    }

    @Test
    void otherSchemesAndBadBodiesAre400() {
        assertThat(problem(client, submit("ftp://127.0.0.1/video.mp4"), 400).get("detail").toString())
                .contains("only http and https");
        assertThat(problem(client, submit("file:///etc/passwd"), 400).get("detail").toString())
                .contains("only http and https");
        problem(client, submit("not a url"), 400);
        problem(client, submit(" "), 400);
        problem(client, withKey(HttpRequest.POST("/api/v1/videos", Map.of("url", origin.url("/lectures/a.mp4"),
                "path", "/tmp/a.mp4"))), 400);
        assertThat(problem(client, withKey(HttpRequest.POST("/api/v1/videos", Map.of())), 400).get("detail")
                .toString()).contains("exactly one");
    }

    private static HttpRequest<?> submit(String url) {
        return withKey(HttpRequest.POST("/api/v1/videos", Map.of("url", url)));
    }

    private int videoCount() {
        return ((List<?>) Http.getJson(client, "/api/v1/videos?limit=500").get("items")).size();
    }

    private int folders() {
        if (!Files.exists(mediaDir())) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(mediaDir())) {
            return (int) entries.count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        respond(exchange, 302, new byte[0]);
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JobRequest awaitJob(String videoId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            jobConsumer.poll(Duration.ofMillis(200))
                    .forEach(r -> jobs.put(r.key(), WireJson.read(r.value(), JobRequest.class)));
            return jobs.containsKey(videoId);
        });
        return jobs.get(videoId);
    }
}
