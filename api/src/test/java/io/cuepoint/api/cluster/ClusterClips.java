package io.cuepoint.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuepoint.ingest.testing.TestMedia;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Long generated clips with known cuts for the cluster tests, and the checks of a timeline against
 * that ground truth and of which analyzer process analysed which segment.
 */
public final class ClusterClips {
    /** Frames per second of the generated clips. */
    public static final int FPS = 25;
    /** Frames per shot of the generated clips. */
    public static final int SHOT_FRAMES = 185;

    private ClusterClips() {
    }

    /**
     * A {@code seconds}-long 320x240 H.264 clip at {@value #FPS} fps with a hard cut every {@value #SHOT_FRAMES}
     * frames (7.4 s: never on a 1, 2 or 5 s segment boundary, so each cut lies inside one segment).
     *
     * <p>Made of one {@link TestMedia#generateClipWithCuts} clip per shot, joined without re-encoding: a
     * single generated clip longer than about ten seconds lets its drifting disc wrap around the frame,
     * a jump that a shot detector rightly reports as a cut the ground truth would not hold.
     */
    public static TestMedia.Clip withCuts(Path mediaDir, String name, int seconds) {
        try {
            int frames = seconds * FPS;
            Path parts = Files.createTempDirectory(mediaDir, name + "-parts");
            var list = new StringBuilder();
            var cuts = new ArrayList<Integer>();
            for (int start = 0, shot = 0; start < frames; start += SHOT_FRAMES, shot++) {
                int length = Math.min(SHOT_FRAMES, frames - start);
                // shot zeros as cut frames: every frame of this part belongs to shot number `shot`.
                Path part = parts.resolve("shot-" + shot + ".mp4");
                TestMedia.generateClipWithCuts(part, 320, 240, FPS, length, new int[shot]);
                list.append("file '").append(part.toAbsolutePath()).append("'\n");
                if (start > 0) {
                    cuts.add(start);
                }
            }
            Path listFile = parts.resolve("parts.txt");
            Files.writeString(listFile, list.toString());
            Path out = mediaDir.resolve(name);
            TestMedia.ffmpeg("-f", "concat", "-safe", "0", "-i", listFile.toString(), "-c", "copy", out.toString());
            return new TestMedia.Clip(out, 320, 240, TestMedia.evenPts(frames, FPS),
                    cuts.stream().mapToInt(Integer::intValue).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " in " + mediaDir, e);
        }
    }

    /** Segments a clip of {@code frames} frames has at {@code segmentSeconds}. */
    public static int segments(TestMedia.Clip clip, int segmentSeconds) {
        return (int) Math.ceil(clip.frames() / (double) (segmentSeconds * FPS));
    }

    /** The timeline's shot cuts are exactly the clip's cuts (within one frame), each once. */
    public static void assertCutsMatch(List<JsonNode> events, TestMedia.Clip clip) {
        var cutFrames = events.stream().filter(e -> e.path("type").asText().equals("shot.cut"))
                .map(e -> e.path("startFrame").asLong()).sorted().toList();
        assertThat(cutFrames).as("shot.cut frames against the generated cuts %s", Arrays.toString(clip.cutFrames()))
                .hasSize(clip.cutFrames().length);
        for (int i = 0; i < cutFrames.size(); i++) {
            assertThat(cutFrames.get(i)).as("cut %d", i).isBetween(clip.cutFrames()[i] - 1L, clip.cutFrames()[i] + 1L);
        }
    }

    /** Event ids are unique: a segment analysed twice upserts, it never adds a second copy. */
    public static void assertNoDuplicates(List<JsonNode> events) {
        var ids = events.stream().map(e -> e.path("id").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    /**
     * The segments of {@code videoId} an analyzer process analysed, from its worker's per-segment DEBUG
     * line ({@code segment VIDEO/N: E events in T ms}), which the harness's role logging enables.
     */
    public static Set<Integer> segmentsAnalysed(RoleProcess analyzer, String videoId) {
        var line = Pattern.compile("segment " + Pattern.quote(videoId) + "/(\\d+): ");
        return analyzer.logText().lines().map(line::matcher).filter(java.util.regex.Matcher::find)
                .map(m -> Integer.parseInt(m.group(1))).collect(Collectors.toCollection(TreeSet::new));
    }
}
