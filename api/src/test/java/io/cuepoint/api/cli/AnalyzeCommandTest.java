package io.cuepoint.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.ingest.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cuepoint analyze} as a user runs it, in this JVM, on the embedded broker and database. */
class AnalyzeCommandTest {
    @TempDir
    Path dir;

    private final CommandRun cli = new CommandRun(Map.of("CUEPOINT_SEGMENT_SECONDS", "2"));

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void writesTheTimelineAndASummaryThenReportsABadFileInOneLine() throws Exception {
        var clip = TestMedia.generateClipWithCuts(dir.resolve("talk.mp4"), 320, 240, 25, 125, new int[] {30, 80});
        Path timeline = dir.resolve("out").resolve("talk.json");

        int code = run("analyze", clip.path().toString(), "--out", timeline.toString(),
                "--data-dir", dir.resolve("data").toString());

        assertThat(code).as("stderr: %s", cli.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(timeline.toFile());
        assertThat(json.at("/video/status").asText()).isEqualTo("COMPLETED");
        assertThat(json.at("/video/media/width").asInt()).isEqualTo(320);
        assertThat(json.at("/video/media/durationMs").asLong()).isBetween(4900L, 5100L);
        List<Long> cuts = new ArrayList<>();
        for (JsonNode event : json.get("events")) {
            assertThat(event.get("id").asText()).isNotBlank();
            assertThat(event.at("/producer/analyzer").asText()).isNotBlank();
            if (event.get("type").asText().equals("shot.cut")) {
                cuts.add(event.get("startFrame").asLong());
            }
        }
        assertThat(cuts).hasSize(2);
        assertThat(cuts.get(0)).isBetween(29L, 31L);
        assertThat(cuts.get(1)).isBetween(79L, 81L);
        assertThat(cli.out()).contains("shots: 3 (2 cuts, 0 gradual transitions)").contains("active time:")
                .contains("real time");

        // The same data directory again, now with a file that is not a video.
        cli.clear();
        Path text = TestMedia.textFile(dir.resolve("notes.mp4"));
        code = run("analyze", text.toString(), "--out", dir.resolve("notes.json").toString(),
                "--data-dir", dir.resolve("data").toString());
        assertThat(code).isEqualTo(1);
        String lastLine = cli.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertThat(lastLine).startsWith("cuepoint: analysis of ").contains("failed: ");
        assertThat(Files.exists(dir.resolve("notes.json"))).isFalse();
    }

    @Test
    void aMissingFileIsRefusedBeforeAnythingStarts() {
        int code = run("analyze", dir.resolve("nothing-here.mp4").toString(), "--data-dir", dir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("no such file");
        assertThat(Files.exists(dir.resolve("postgres"))).isFalse();
    }
}
