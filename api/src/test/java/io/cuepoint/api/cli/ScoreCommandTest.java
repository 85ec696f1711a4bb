package io.cuepoint.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.api.eval.GroundTruth;
import io.cuepoint.api.eval.GroundTruth.Label;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cuepoint score TRUTH TIMELINE} on a timeline in the shape {@code cuepoint analyze} writes. */
class ScoreCommandTest {
    @TempDir
    Path dir;

    private final CommandRun cli = new CommandRun(Map.of());

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void printsTheTableOfATimeline() throws Exception {
        Path truth = dir.resolve("clip.truth.json");
        new GroundTruth("clip.mp4", 25, 500, 20_000, "test", List.of("shot.cut"),
                List.of(Label.instant("shot.cut", 100), Label.instant("shot.cut", 300))).write(truth);
        Path timeline = dir.resolve("clip.timeline.json");
        Files.writeString(timeline, """
                {"video": {"id": "v1"}, "events": [
                  {"id": "a", "type": "shot.cut", "startMs": 4040, "endMs": 4040, "startFrame": 101, "endFrame": 101,
                   "confidence": 0.9, "attributes": {"score": 0.8}},
                  {"id": "b", "type": "motion.active", "startMs": 0, "endMs": 9000, "startFrame": 0, "endFrame": 224,
                   "confidence": 0.5}
                ], "spatialTracks": []}
                """);

        assertThat(run("score", truth.toString(), timeline.toString())).as("stderr: %s", cli.err()).isZero();

        // One of two cuts found, one frame late: nothing exact, P 1, R 0.5, F1 0.667 within one frame.
        assertThat(cli.out())
                .contains("| shot.cut | ±0 frames | 2 | 0 | 1 | 2 | 0.000 | 0.000 | 0.000 |")
                .contains("| shot.cut | ±1 frame | 2 | 1 | 0 | 1 | 1.000 | 0.500 | 0.667 |")
                .doesNotContain("motion.active");
    }

    @Test
    void refusesATimelineWithoutEvents() throws Exception {
        Path truth = dir.resolve("clip.truth.json");
        new GroundTruth("clip.mp4", 25, 500, 20_000, "test", List.of("shot.cut"), List.of()).write(truth);
        Path timeline = Files.writeString(dir.resolve("t.json"), "{\"video\": {}}");
        assertThat(run("score", truth.toString(), timeline.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("has no events array");
    }
}
