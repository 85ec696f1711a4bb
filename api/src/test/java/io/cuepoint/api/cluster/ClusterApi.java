package io.cuepoint.api.cluster;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** The REST api of an api {@link RoleProcess}, called with the operator key the harness configured. */
public final class ClusterApi {
    private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED");
    /** Events in the order the tests compare timelines in: type, start, track, id. */
    public static final Comparator<JsonNode> EVENT_ORDER = Comparator.<JsonNode, String>comparing(e -> e.path("type").asText())
            .thenComparingLong(e -> e.path("startMs").asLong())
            .thenComparing(e -> e.path("track").asText(""))
            .thenComparing(e -> e.path("id").asText());

    private final String base;
    private final String key;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    public ClusterApi(RoleProcess api, String key) {
        this("http://127.0.0.1:" + api.apiPort(), key);
    }

    public ClusterApi(String baseUrl, String key) {
        this.base = baseUrl;
        this.key = key;
    }

    public String baseUrl() {
        return base;
    }

    /** Waits until {@code GET /health} answers 200 (the api started and reached its database). */
    public void awaitHealthy(Duration max) {
        await().alias("api at " + base + " healthy").atMost(max).ignoreExceptions()
                .until(() -> send(HttpRequest.newBuilder(URI.create(base + "/health"))).statusCode() == 200);
    }

    /** Submits a file the api may read on the server ({@code POST /api/v1/videos {"path":…}}) and returns the video id. */
    public String submit(Path media) {
        String body = "{\"path\":" + quote(media.toAbsolutePath().toString()) + "}";
        var response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/videos"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 202) {
            throw new AssertionError("submitting " + media + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body()).get("id").asText();
    }

    /** {@code GET /api/v1/videos/{id}}. */
    public JsonNode video(String id) {
        return getJson("/api/v1/videos/" + id);
    }

    /**
     * Polls the video until it is COMPLETED or FAILED and returns that status. Errors while polling (the
     * api restarting, its database away) are retried until {@code max}.
     */
    public String awaitFinished(String id, Duration max) {
        var status = new AtomicReference<String>();
        await().alias("video " + id + " finished").atMost(max).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    status.set(video(id).get("status").asText());
                    return FINAL.contains(status.get());
                });
        return status.get();
    }

    /** Every event of the video (all pages of {@code /videos/{id}/events}), in {@link #EVENT_ORDER}. */
    public List<JsonNode> events(String id) {
        var events = new ArrayList<JsonNode>();
        String cursor = null;
        do {
            String query = "?limit=1000" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = getJson("/api/v1/videos/" + id + "/events" + query);
            page.get("items").forEach(events::add);
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        events.sort(EVENT_ORDER);
        return events;
    }

    /** {@code GET} a path under the api and parse the JSON answer; fails on any status but 200. */
    public JsonNode getJson(String path) {
        var response = send(HttpRequest.newBuilder(URI.create(base + path)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("X-API-Key", key).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("api at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    private String quote(String s) {
        try {
            return json.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
