package io.cuepoint.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cuepoint.ingest.testing.TestMedia;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the fault tests share: fast failover settings, media, the timeline comparison and the webhook outbox. */
final class FaultChecks {
    /**
     * A killed consumer's partitions move after 6 s (the brokers' group.min.session.timeout.ms) instead of
     * Kafka's 45 s, through the CUEPOINT_KAFKA_ passthrough that operators use too.
     */
    static final Map<String, String> FAST_FAILOVER = Map.of(
            "CUEPOINT_KAFKA_SESSION_TIMEOUT_MS", "6000",
            "CUEPOINT_KAFKA_HEARTBEAT_INTERVAL_MS", "1000");

    private FaultChecks() {
    }

    /** The first {@code seconds} of vtest.avi (people walking: tracks, poses, objects), copied into the media dir. */
    static Path walkers(Path mediaDir, int seconds) throws IOException, InterruptedException {
        Path out = mediaDir.resolve("walkers-" + seconds + "s.avi");
        var ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-i", TestMedia.vtest().toString(),
                "-t", Integer.toString(seconds), "-c", "copy", out.toString()).redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes());
        assertThat(ffmpeg.waitFor()).as("ffmpeg: %s", output).isZero();
        return out;
    }

    /**
     * The events as a comparable list: every field but the video's id and the event ids (hashes over the
     * video id), any other mention of the video id replaced, sorted on the whole text so that ties in the
     * api's order cannot differ between two videos. Duplicates stay, so a duplicated event fails the comparison.
     */
    static List<String> comparable(List<JsonNode> events, String videoId) {
        return events.stream().map(e -> {
            var copy = (ObjectNode) e.deepCopy();
            copy.remove("id");
            copy.remove("videoId");
            return copy.toString().replace(videoId, "VIDEO");
        }).sorted().toList();
    }

    /** Subscribes a webhook of the default tenant to video.completed, so that the outbox records the transition. */
    static void subscribeToCompletions(Map<String, String> env) throws SQLException {
        try (var c = database(env); var ps = c.prepareStatement(
                "INSERT INTO webhooks (id, tenant_id, url, secret, events) VALUES (?, 'default', ?, ?, ?)")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, "https://hooks.example.test/cuepoint");
            ps.setString(3, "fault-test-secret-0123456789");
            ps.setArray(4, c.createArrayOf("text", new String[] {"video.completed", "video.failed"}));
            ps.executeUpdate();
        }
    }

    /** Webhook deliveries the outbox holds for the video, by event ("video.completed 1"). */
    static List<String> deliveries(Map<String, String> env, String videoId) throws SQLException {
        try (var c = database(env); var ps = c.prepareStatement("SELECT event, count(*) FROM webhook_deliveries "
                + "WHERE video_id = ? GROUP BY event ORDER BY event")) {
            ps.setString(1, videoId);
            var result = new java.util.ArrayList<String>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1) + " " + rs.getLong(2));
                }
            }
            return result;
        }
    }

    /** GET on the api with the operator key, whatever the answer. */
    static HttpResponse<String> get(RoleProcess api, Map<String, String> env, String path) throws Exception {
        String key = env.get("CUEPOINT_API_KEYS").split(",")[0].strip();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.apiPort() + path))
                .header("X-API-Key", key).timeout(Duration.ofSeconds(60)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    static boolean logContains(RoleProcess role, String text) {
        try {
            return Files.exists(role.log()) && Files.readString(role.log()).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static Connection database(Map<String, String> env) throws SQLException {
        return DriverManager.getConnection(env.get("DATASOURCES_DEFAULT_URL"),
                env.getOrDefault("DATASOURCES_DEFAULT_USERNAME", "postgres"),
                env.getOrDefault("DATASOURCES_DEFAULT_PASSWORD", "postgres"));
    }
}
