package io.cuepoint.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.ingest.testing.TestMedia;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cuepoint analyze} on the opencv-doc sample clips with the default detectors and the real models,
 * as the README's first command runs it: the whole pipeline on the embedded broker and database.
 */
class AnalyzeRealClipsTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private JsonNode analyze(Path video) throws Exception {
        Path timeline = dir.resolve("timeline.json");
        int code = run(Map.of(), video, timeline);
        assertThat(code).as("stderr: %s", err).isZero();
        return new ObjectMapper().readTree(timeline.toFile());
    }

    private int run(Map<String, String> env, Path video, Path timeline) {
        var commandLine = CuepointCommand.commandLine(new CuepointCommand(env));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute("analyze", video.toString(), "--out", timeline.toString(),
                "--data-dir", dir.resolve("data").toString());
    }

    private static List<JsonNode> ofType(JsonNode timeline, String type) {
        return StreamSupport.stream(timeline.get("events").spliterator(), false)
                .filter(e -> e.get("type").asText().equals(type)).toList();
    }

    @Test
    void vtestGivesPersonTracksThatCrossSegmentBoundariesAndMotion() throws Exception {
        // 79.5 s of pedestrians in front of a static camera: three 30 s segments.
        JsonNode timeline = analyze(TestMedia.vtest());

        assertThat(ofType(timeline, "motion.active")).isNotEmpty();
        List<JsonNode> people = new ArrayList<>();
        for (JsonNode track : timeline.get("spatialTracks")) {
            if (track.get("label").asText().equals("person")) {
                people.add(track);
            }
        }
        // At least five walkers are in view at any time (counted by eye on frames of the clip).
        assertThat(people).hasSizeGreaterThanOrEqualTo(5);
        // Walkers in view at 30 s keep one track id through the boundary: the lead-in join worked.
        assertThat(people).anySatisfy(track -> {
            assertThat(track.get("startMs").asLong()).isLessThan(29_000);
            assertThat(track.get("endMs").asLong()).isGreaterThan(31_000);
            assertThat(track.get("id").asText()).startsWith("object-s0-");
        });
        for (JsonNode event : ofType(timeline, "object.detected")) {
            assertThat(event.get("track").asText()).matches("object-s\\d+-\\d+");
            assertThat(event.at("/box/left").asDouble()).isBetween(0.0, 1.0);
            assertThat(event.at("/box/right").asDouble()).isGreaterThan(event.at("/box/left").asDouble());
            assertThat(event.at("/producer/model").asText()).startsWith("centernet@sha256:");
            assertThat(event.path("attributes").has("leadIn")).as("lead-in instants are not served").isFalse();
        }
        assertThat(out.toString()).contains("tracks: ").contains("object (");
    }

    @Test
    void megamindGivesFaceEvents() throws Exception {
        // 11 s, one animated face talking to the camera, four hard cuts.
        JsonNode timeline = analyze(TestMedia.megamind());

        List<JsonNode> faces = ofType(timeline, "face.detected");
        assertThat(faces).hasSizeGreaterThan(20);
        for (JsonNode face : faces) {
            assertThat(face.get("keypoints")).hasSize(6);
            assertThat(face.at("/producer/model").asText()).startsWith("blazeface@sha256:").contains("+emotion@sha256:");
            assertThat(face.at("/attributes/expression").asText()).isNotBlank();
        }
        assertThat(ofType(timeline, "face.present")).isNotEmpty();
        assertThat(ofType(timeline, "face.count")).isNotEmpty();
        assertThat(ofType(timeline, "shot.cut")).hasSize(4);
    }

    @Test
    void aMissingModelStopsTheAnalysisWithTheCommandThatFetchesIt() throws Exception {
        Path emptyModels = Files.createDirectories(dir.resolve("no-models"));
        Path timeline = dir.resolve("never.json");

        int code = run(Map.of("CUEPOINT_MODELS_DIR", emptyModels.toString()), TestMedia.megamind(), timeline);

        assertThat(code).isEqualTo(1);
        String lastLine = err.toString().strip().lines().reduce((a, b) -> b).orElse("");
        assertThat(lastLine).contains("movenet-lightning").contains("missing")
                .contains("scripts/fetch-models.sh --models-dir " + emptyModels);
        assertThat(Files.exists(timeline)).isFalse();
    }
}
