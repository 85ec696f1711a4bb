package io.cuepoint.api.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.embedded.AllInOne;
import io.cuepoint.api.eval.EngagementClips;
import io.cuepoint.api.eval.EngagementClips.Spec;
import io.cuepoint.api.store.VideoStatus;
import io.cuepoint.api.submit.VideoSubmissions;
import io.cuepoint.api.timeline.TimelineService;
import io.cuepoint.ingest.IngestConfig;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engagement timeline end to end on the all-in-one: generated lecture clips ({@link EngagementClips}) that
 * differ from the baseline in exactly one thing (faster speech, more slide changes, the presenter leaving) go
 * through decoding, the shot, slide, technical, motion, pose, face, speech and presenter detectors and the
 * materializer, and the component that thing drives moves the expected way, as does the score, while the other
 * components stay within 0.1.
 */
class EngagementEndToEndTest {
    private static final String KEY = "engagement-key";
    private static final String DETECTORS = "shots,slides,technical,motion,pose,faces,speech,presenter";
    private static final List<String> COMPONENTS = List.of("speakingRate", "vocalVariety", "visualChange", "presenter",
            "gesture", "staticStretch");
    /** How far a component may drift when its input did not change: real detectors on re-encoded clips. */
    private static final double OTHERS = 0.1;

    @Test
    void eachClipVariantMovesItsComponentAndTheScore() throws Exception {
        Path dir = Path.of("target", "engagement-clips").toAbsolutePath();
        var baseline = Spec.baseline();
        var clips = new LinkedHashMap<String, Path>();
        clips.put("baseline", EngagementClips.write(dir.resolve("baseline.mp4"), baseline));
        clips.put("fast", EngagementClips.write(dir.resolve("fast.mp4"), baseline.withWordsPerMinute(220)));
        clips.put("slides", EngagementClips.write(dir.resolve("slides.mp4"), baseline.withSlideEveryMs(5_000)));
        // The presenter leaves at the second slide change, so leaving adds no picture change of its own.
        clips.put("away", EngagementClips.write(dir.resolve("away.mp4"), baseline.withPresenterUntilMs(20_000)));

        var ingest = IngestConfig.defaults();
        var tenSeconds = new IngestConfig(10_000, ingest.sampleFps(), ingest.analysisMaxSide(),
                ingest.thumbnailWidth(), ingest.jpegQuality(), ingest.audioWindowMs(), ingest.decoderThreads(),
                ingest.progressIntervalMs());
        var analyzer = AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.DETECTORS, DETECTORS));
        var means = new LinkedHashMap<String, Map<String, Double>>();
        try (var cuepoint = AllInOne.start(new AllInOne.Options(dir.resolve("data"), tenSeconds, analyzer, true,
                Map.of("cuepoint.api-keys", KEY, "micronaut.server.port", -1, "cuepoint.allow-server-paths", true,
                        "cuepoint.server-path-roots", dir.toString())))) {
            var submissions = cuepoint.context().getBean(VideoSubmissions.class);
            var timelines = cuepoint.context().getBean(TimelineService.class);
            var ids = new LinkedHashMap<String, String>();
            clips.forEach((name, clip) -> ids.put(name,
                    submissions.submitPath(Principal.local(), null, clip.toString()).id()));
            for (String id : ids.values()) {
                await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500)).until(() ->
                        Set.of(VideoStatus.COMPLETED, VideoStatus.FAILED).contains(timelines.video(id).status()));
                assertThat(timelines.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
            }
            URI base = cuepoint.context().getBean(EmbeddedServer.class).getURI();
            var http = HttpClient.newHttpClient();
            for (var entry : ids.entrySet()) {
                var response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/videos/" + entry.getValue()
                        + "/engagement")).header("X-API-Key", KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                means.put(entry.getKey(), means(new ObjectMapper().readTree(response.body())));
            }
        }

        var base = means.get("baseline");
        assertThat(base.get("speakingRate")).as("the baseline has speech").isNotNull();
        assertThat(base.get("presenter")).as("the baseline's presenter is seen").isGreaterThan(0.3);
        expect(base, means.get("fast"), "speakingRate", +1);
        assertThat(means.get("fast").get("wordsPerMinute")).isGreaterThan(base.get("wordsPerMinute") * 1.3);
        expect(base, means.get("slides"), "visualChange", +1);
        expect(base, means.get("away"), "presenter", -1);
    }

    private static void expect(Map<String, Double> base, Map<String, Double> variant, String target, int direction) {
        assertThat(direction * (variant.get(target) - base.get(target))).as("%s: %s vs %s", target, variant, base)
                .isGreaterThan(0.05);
        assertThat(direction * (variant.get("score") - base.get("score"))).as("score: %s vs %s", variant, base)
                .isGreaterThan(0.0);
        for (String other : COMPONENTS) {
            if (!other.equals(target) && base.get(other) != null && variant.get(other) != null) {
                assertThat(variant.get(other)).as("%s when %s changes: %s vs %s", other, target, variant, base)
                        .isCloseTo(base.get(other), within(OTHERS));
            }
        }
    }

    /** Means over the windows where each is not null: the score, the components and the words per minute. */
    private static Map<String, Double> means(JsonNode doc) {
        var out = new LinkedHashMap<String, Double>();
        for (String name : List.of("score", "speakingRate", "vocalVariety", "visualChange", "presenter", "gesture",
                "staticStretch", "wordsPerMinute")) {
            double sum = 0;
            int n = 0;
            for (JsonNode w : doc.get("windows")) {
                JsonNode v = name.equals("score") ? w.get("score")
                        : w.get("components").has(name) ? w.get("components").get(name) : w.get("measures").get(name);
                if (v != null && v.isNumber()) {
                    sum += v.asDouble();
                    n++;
                }
            }
            out.put(name, n == 0 ? null : sum / n);
        }
        return out;
    }
}
