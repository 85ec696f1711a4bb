package io.cuepoint.api.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.detect.LectureClip;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.embedded.AllInOne;
import io.cuepoint.api.store.VideoStatus;
import io.cuepoint.api.submit.VideoSubmissions;
import io.cuepoint.api.timeline.TimelineService;
import io.cuepoint.ingest.IngestConfig;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slides end to end on the all-in-one with its HTTP server: the generated lecture ({@link LectureClip}: five
 * slides shown, the second shown again, a presenter picture-in-picture) in 10 s segments through decoding,
 * the broker, the shots and slides detectors and the materializer; read back over HTTP.
 */
class SlidesEndToEndTest {
    private static final String KEY = "slides-key";

    @TempDir
    Path dir;

    @Test
    void aLectureGivesNumberedSlidesWithKeyframesOverHttp() throws Exception {
        Path clip = LectureClip.write(dir.resolve("lecture.mp4"), true);
        var ingest = IngestConfig.defaults();
        var tenSeconds = new IngestConfig(10_000, ingest.sampleFps(), ingest.analysisMaxSide(),
                ingest.thumbnailWidth(), ingest.jpegQuality(), ingest.audioWindowMs(), ingest.decoderThreads(),
                ingest.progressIntervalMs());
        var analyzer = AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.DETECTORS, "shots,slides"));
        try (var cuepoint = AllInOne.start(new AllInOne.Options(dir.resolve("data"), tenSeconds, analyzer, true,
                Map.of("cuepoint.api-keys", KEY, "micronaut.server.port", -1, "cuepoint.allow-server-paths", true,
                        "cuepoint.server-path-roots", dir.toString())))) {
            var id = cuepoint.context().getBean(VideoSubmissions.class)
                    .submitPath(Principal.local(), null, clip.toString()).id();
            var timelines = cuepoint.context().getBean(TimelineService.class);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Set.of(VideoStatus.COMPLETED, VideoStatus.FAILED).contains(timelines.video(id).status()));
            assertThat(timelines.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
            URI base = cuepoint.context().getBean(EmbeddedServer.class).getURI();
            var http = HttpClient.newHttpClient();

            var slidesResponse = http.send(get(base, "/api/v1/videos/" + id + "/slides", true),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(slidesResponse.statusCode()).isEqualTo(200);
            JsonNode slides = new ObjectMapper().readTree(slidesResponse.body());
            var numbers = new ArrayList<Integer>();
            var starts = new ArrayList<Long>();
            slides.forEach(s -> {
                numbers.add(s.get("slideNumber").asInt());
                starts.add(s.get("startFrame").asLong());
            });
            assertThat(numbers).containsExactly(1, 2, 3, 2, 4);
            assertThat(slides.get(3).get("revisit").asBoolean()).isTrue();
            assertThat(slides.get(1).get("buildCount").asInt()).isEqualTo(2);
            for (int k = 0; k < starts.size(); k++) {
                assertThat(starts.get(k)).isBetween(LectureClip.STARTS[k] - 1L, LectureClip.STARTS[k] + 1L);
            }

            String keyframeUrl = slides.get(3).get("keyframeUrl").asText();
            var keyframe = http.send(get(base, keyframeUrl, true), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(keyframe.statusCode()).isEqualTo(200);
            assertThat(keyframe.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            var image = ImageIO.read(new ByteArrayInputStream(keyframe.body()));
            assertThat(image.getWidth()).isEqualTo(LectureClip.WIDTH);
            assertThat(http.send(get(base, keyframeUrl, false), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(401);
        }
    }

    private static HttpRequest get(URI base, String path, boolean withKey) {
        var request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (withKey) {
            request.header("X-API-Key", KEY);
        }
        return request.build();
    }
}
