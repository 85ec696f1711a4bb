package io.cuepoint.api.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.ingest.testing.TestMedia;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/README.md as an operator follows it: the packaged program runs {@code infra}, {@code ingest},
 * {@code analyzer} and {@code api} as four separate processes configured by environment variables
 * only; a video submitted to the api is analysed; SIGTERM stops every process cleanly.
 */
class ClusterRolesIT {
    private static final Path JAR = Path.of("target", "cuepoint.jar");
    private static final String KEY = "it-key";

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Integer> managementPorts = new HashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void theThreeRolesRunAsSeparateProcessesAndStopOnSigterm() throws Exception {
        assertThat(JAR).as("the packaged program (mvn package)").exists();
        Files.createDirectories(dir.resolve("media"));
        var clip = TestMedia.generateClipWithCuts(dir.resolve("media/cuts.mp4"), 320, 240, 25, 100, new int[] {40});

        Process infra = start("infra", Map.of("CUEPOINT_DATA_DIR", dir.resolve("infra").toString()),
                "--kafka-port", Integer.toString(freePort()));
        Path infraOut = log("infra");
        await().atMost(Duration.ofMinutes(2)).until(() -> Files.readString(infraOut).contains("Press Ctrl+C"));
        Map<String, String> env = exports(Files.readString(infraOut));
        assertThat(env).containsKeys("CUEPOINT_KAFKA_BOOTSTRAP_SERVERS", "DATASOURCES_DEFAULT_URL");

        int port = freePort();
        env.put("CUEPOINT_API_KEYS", KEY);
        env.put("CUEPOINT_PORT", Integer.toString(port));
        env.put("CUEPOINT_DATA_DIR", dir.resolve("api").toString());
        env.put("CUEPOINT_ALLOW_SERVER_PATHS", "true");
        env.put("CUEPOINT_SERVER_PATH_ROOTS", dir.resolve("media").toString());
        env.put("CUEPOINT_SEGMENT_SECONDS", "2");
        var ingestEnv = new HashMap<>(env);
        ingestEnv.put("CUEPOINT_LOG_FORMAT", "json");
        var roles = List.of(start("ingest", ingestEnv), start("analyzer", env, "--workers", "2"), start("api", env));

        String base = "http://127.0.0.1:" + port;
        await().atMost(Duration.ofMinutes(2)).ignoreExceptions()
                .until(() -> get(base + "/health").statusCode() == 200);
        var submitted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/videos"))
                        .header("X-API-Key", KEY).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"path\":\"" + clip.path() + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = json.readTree(submitted.body()).get("id").asText();

        await().atMost(Duration.ofMinutes(2)).until(() -> {
            String status = video(base, id).get("status").asText();
            return status.equals("COMPLETED") || status.equals("FAILED");
        });
        assertThat(video(base, id).get("status").asText()).isEqualTo("COMPLETED");
        JsonNode events = json.readTree(get(base + "/api/v1/videos/" + id + "/events?type=shot.cut").body())
                .get("items");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("startFrame").asLong()).isBetween(39L, 41L);
        assertObservable(clip.frames());

        for (Process role : roles) {
            role.destroy();
        }
        for (Process role : roles) {
            assertThat(role.waitFor(60, TimeUnit.SECONDS)).as("role stops on SIGTERM").isTrue();
        }
        infra.destroy();
        assertThat(infra.waitFor(60, TimeUnit.SECONDS)).as("infra stops on SIGTERM").isTrue();
    }

    @Test
    void serveTakesAnUploadWithTheKeyItCreated() throws Exception {
        var clip = TestMedia.generateClipWithCuts(dir.resolve("talk.mp4"), 320, 240, 25, 100, new int[] {60});
        int port = freePort();
        Process serve = start("serve", Map.of("CUEPOINT_SEGMENT_SECONDS", "2"), "--port", Integer.toString(port),
                "--data-dir", dir.resolve("data").toString());
        await().atMost(Duration.ofMinutes(2)).until(() -> Files.readString(log("serve")).contains("Press Ctrl+C"));
        String key = Files.readString(dir.resolve("data/api-key")).strip();
        String base = "http://127.0.0.1:" + port;

        var anonymous = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/videos")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        String boundary = "cuepoint-it-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"talk.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var uploaded = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/videos"))
                        .header("X-API-Key", key).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, Files.readAllBytes(clip.path()), tail)))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        String id = json.readTree(uploaded.body()).get("id").asText();

        await().atMost(Duration.ofMinutes(2)).until(() -> {
            String status = json.readTree(get(base + "/api/v1/videos/" + id, key).body()).get("status").asText();
            return status.equals("COMPLETED") || status.equals("FAILED");
        });
        JsonNode timeline = json.readTree(get(base + "/api/v1/videos/" + id + "/timeline", key).body());
        assertThat(timeline.at("/video/status").asText()).isEqualTo("COMPLETED");
        assertThat(timeline.get("tracks").findValuesAsText("type")).contains("shot.cut");

        assertThat(management("serve", "/health/ready").statusCode()).isEqualTo(200);
        assertThat(management("serve", "/metrics").body()).contains("cuepoint_frames_decoded_total 100.0",
                "cuepoint_videos_finished_seconds_count{status=\"completed\"} 1");

        serve.destroy();
        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
    }

    /**
     * Each role's management endpoints after one video of {@code frames} frames in 2 s segments: its meters
     * moved, it is live and ready; the ingest role, started with CUEPOINT_LOG_FORMAT=json, logged JSON lines.
     */
    private void assertObservable(int frames) throws Exception {
        String ingest = management("ingest", "/metrics").body();
        assertThat(ingest).contains("cuepoint_frames_decoded_total " + (double) frames,
                "cuepoint_ingest_jobs_seconds_count{outcome=\"completed\"} 1");
        String analyzer = management("analyzer", "/metrics").body();
        assertThat(analyzer).contains("cuepoint_segments_analyzed_seconds_count{outcome=\"done\"} 2",
                "cuepoint_inference_seconds_count{model=\"movenet-lightning\"}", "cuepoint_events_published_total");
        String api = management("api", "/metrics").body();
        assertThat(api).contains("cuepoint_videos_finished_seconds_count{status=\"completed\"} 1",
                "cuepoint_events_materialized_total", "cuepoint_http_requests_seconds_count{method=\"POST\",status=\"202\"} 1");
        for (String role : List.of("ingest", "analyzer", "api")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> management(role, "/health/ready").statusCode() == 200);
            assertThat(management(role, "/health/live").statusCode()).isEqualTo(200);
        }
        assertThat(json.readTree(management("api", "/health/ready").body()).at("/checks/database").asText())
                .isEqualTo("UP");
        assertThat(management("analyzer", "/metrics").body())
                .containsPattern("cuepoint_consumer_lag\\{group=\"cuepoint-analyzer\",topic=\"cuepoint.frames.v1\"} ");

        var jsonLines = Files.readAllLines(log("ingest")).stream().filter(l -> l.startsWith("{")).toList();
        assertThat(jsonLines).isNotEmpty();
        for (String line : jsonLines) {
            assertThat(json.readTree(line).has("level")).as(line).isTrue();
        }
        assertThat(jsonLines).anyMatch(l -> l.contains("Management endpoints on port " + managementPorts.get("ingest")));
        assertThat(Files.readAllLines(log("ingest"))).noneMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*"));
    }

    private HttpResponse<String> management(String role, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPorts.get(role) + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode video(String base, String id) throws Exception {
        return json.readTree(get(base + "/api/v1/videos/" + id).body());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return get(url, KEY);
    }

    private HttpResponse<String> get(String url, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", key).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Process start(String role, Map<String, String> env, String... args) throws IOException {
        var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx1g", "-jar", JAR.toString(), role));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(role).toFile());
        builder.environment().putAll(env);
        // Several roles on one machine: each needs its own management port (the default 9400 is for one per host).
        int managementPort = freePort();
        managementPorts.put(role, managementPort);
        builder.environment().put("CUEPOINT_MANAGEMENT_PORT", Integer.toString(managementPort));
        var process = builder.start();
        processes.add(process);
        return process;
    }

    private Path log(String role) {
        return dir.resolve(role + ".log");
    }

    /** The {@code export NAME=value} lines that {@code cuepoint infra} prints. */
    private static Map<String, String> exports(String output) {
        var env = new HashMap<String, String>();
        output.lines().filter(l -> l.startsWith("export ")).forEach(l -> {
            String assignment = l.substring("export ".length());
            int eq = assignment.indexOf('=');
            env.put(assignment.substring(0, eq), assignment.substring(eq + 1).replace("'", ""));
        });
        return env;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
