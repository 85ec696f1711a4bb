package io.cuepoint.api.pipeline;

import com.sun.net.httpserver.HttpServer;
import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.api.embedded.AllInOne;
import io.cuepoint.ingest.IngestConfig;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's integration walk-through works: docs/walkthrough.sh (bash, curl, python3, ffmpeg) runs against
 * the real all-in-one stack (embedded Kafka and PostgreSQL, the analyzer, the HTTP server) and every step
 * reports success. Steps whose endpoint this build has (read from the generated OpenAPI document) must say
 * "[ok]"; only steps for endpoints it lacks may say "[skip]". A local receiver takes the webhook, allowed
 * through the egress guard for this test only.
 */
class WalkthroughTest {
    private static final String OPERATOR_KEY = "walkthrough-operator-key";
    private static final Path SCRIPT = Path.of("..", "docs", "walkthrough.sh");
    private static final long SCRIPT_TIMEOUT_S = 480;

    @TempDir
    static Path dir;

    private static AllInOne cuepoint;
    private static HttpServer receiver;
    private static final List<String> hooks = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (exchange) {
                hooks.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        cuepoint = AllInOne.start(new AllInOne.Options(dir.resolve("data"), IngestConfig.defaults(),
                AnalyzerConfig.defaults(), true, Map.of("cuepoint.api-keys", OPERATOR_KEY,
                "micronaut.server.port", -1, "cuepoint.egress.allowed-networks", "127.0.0.0/8")));
    }

    @AfterAll
    static void stop() {
        if (cuepoint != null) {
            cuepoint.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void everyStepOfTheWalkthroughSucceeds() throws Exception {
        assertThat(SCRIPT).isRegularFile();
        Path output = dir.resolve("walkthrough.out");
        var script = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = script.environment();
        env.put("CUEPOINT_URL", "http://localhost:" + cuepoint.context().getBean(EmbeddedServer.class).getPort());
        env.put("CUEPOINT_OPERATOR_KEY", OPERATOR_KEY);
        env.put("WEBHOOK_URL", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        env.put("TIMEOUT_S", "300");
        env.remove("VIDEO");
        Process process = script.start();
        boolean finished = process.waitFor(SCRIPT_TIMEOUT_S, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String out = Files.readString(output);
        assertThat(finished).as("walkthrough finished within %d s:%n%s", SCRIPT_TIMEOUT_S, out).isTrue();
        assertThat(process.exitValue()).as("exit status; output:%n%s", out).isZero();

        Map<String, String> steps = steps(out);
        assertThat(steps).as(out).hasSize(15);
        List<String> paths = documentedPaths();
        var missing = new ArrayList<String>();
        steps.forEach((title, text) -> {
            boolean optional = optionalEndpoint(title, paths);
            if (!text.contains("[ok]") && !(optional && text.contains("[skip]"))
                    || !optional && text.contains("[skip]")) {
                missing.add(title);
            }
        });
        assertThat(missing).as("steps that did not succeed:%n%s", out).isEmpty();
        assertThat(out).containsPattern("\\[ok\\] \\d+ events in \\d+ pages of at most 5")
                .containsPattern("\\[ok\\] COMPLETED: 4000 ms, 100 frames, \\d+ events")
                .contains("[ok] revoked: HTTP 401, the API key was revoked")
                .containsPattern("Done: tenant t-\\w+, course c-\\w+, video [0-9a-f-]{36}\\.");
        if (paths.contains("/api/v1/webhooks")) {
            assertThat(hooks).as("webhook deliveries received").anySatisfy(body ->
                    assertThat(body).contains("video.completed"));
        }
    }

    /**
     * Whether a step may be skipped: only where it needs an endpoint this build does not document. The
     * webhook steps also run only when the script was given a receiver, which this test always gives.
     */
    private static boolean optionalEndpoint(String title, List<String> paths) {
        String needs = title.startsWith("6.") || title.startsWith("13.") ? "/api/v1/webhooks"
                : title.startsWith("8.") ? "/api/v1/videos/{id}/stream"
                : title.startsWith("11.") ? "/api/v1/events"
                : title.startsWith("12.") ? "/api/v1/videos/{id}/exports/chapters.vtt" : null;
        return needs != null && !paths.contains(needs);
    }

    /** The script's output per step: "==> title" up to the next one. */
    private static Map<String, String> steps(String out) {
        var steps = new LinkedHashMap<String, String>();
        String[] parts = out.split("\n==> ");
        for (int i = 1; i < parts.length; i++) {
            int eol = parts[i].indexOf('\n');
            steps.put(eol < 0 ? parts[i] : parts[i].substring(0, eol), eol < 0 ? "" : parts[i].substring(eol));
        }
        return steps;
    }

    @SuppressWarnings("unchecked")
    private static List<String> documentedPaths() throws Exception {
        try (InputStream in = WalkthroughTest.class.getClassLoader()
                .getResourceAsStream("META-INF/swagger/cuepoint.yml")) {
            assertThat(in).as("the generated OpenAPI document").isNotNull();
            Map<String, Object> spec = new Yaml(new LoaderOptions()).load(in);
            return List.copyOf(((Map<String, Object>) spec.get("paths")).keySet());
        }
    }
}
