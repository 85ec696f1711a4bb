package io.cuepoint.api.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.eval.GroundTruth.Label;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FFmpeg's scene filter as the peer, on a clip made here with FFmpeg: three different still pictures of
 * 2 s each at 25 fps, so hard cuts on frames 50 and 100 and nothing else.
 */
class FfmpegPeerTest {
    private static final Path DIR = Path.of("target", "eval-media");
    private static final Path CLIP = DIR.resolve("three-stills.mp4");

    @BeforeAll
    static void makeClip() throws IOException, InterruptedException {
        Files.createDirectories(DIR);
        if (Files.isRegularFile(CLIP)) {
            return;
        }
        var process = new ProcessBuilder("ffmpeg", "-v", "error", "-y",
                "-f", "lavfi", "-i", "smptebars=s=320x240:r=25:d=2",
                "-f", "lavfi", "-i", "color=c=navy:s=320x240:r=25:d=2",
                "-f", "lavfi", "-i", "rgbtestsrc=s=320x240:r=25:d=2",
                "-filter_complex", "[0:v][1:v][2:v]concat=n=3:v=1[v]", "-map", "[v]",
                "-c:v", "mpeg4", "-q:v", "2", "-g", "25", CLIP.toString()).inheritIO().start();
        assertThat(process.waitFor()).as("ffmpeg made the clip").isZero();
    }

    private static GroundTruth truth(String clip) {
        return new GroundTruth(clip, 25.0, 150, 6000, "made by FfmpegPeerTest", List.of("shot.cut", "shot.transition"),
                List.of(Label.instant("shot.cut", 50), Label.instant("shot.cut", 100)));
    }

    @Test
    void sceneScoresNumberEveryFrameAndPeakOnTheCuts() {
        var scenes = SceneScores.measure("ffmpeg", CLIP);
        assertThat(scenes.frames()).hasSize(150);
        assertThat(scenes.frames()[149]).isEqualTo(149);
        assertThat(scenes.ms()[50]).isEqualTo(2000);
        assertThat(scenes.detections(0.2)).containsExactly(50, 100);
    }

    @Test
    void theBestThresholdFindsBothCutsExactly() {
        var clip = new CorpusClip(DIR.resolve("three-stills.truth.json"), truth("three-stills.mp4"), CLIP);
        var scenes = SceneScores.measure("ffmpeg", CLIP);
        var thresholds = FfmpegPeer.thresholds(0.05, 0.60, 0.05);
        var perThreshold = new LinkedHashMap<Double, ScoreCard>();
        thresholds.forEach(t -> perThreshold.put(t, FfmpegPeer.score(clip.truth(), scenes, t)));
        var result = new Evaluation.Result(DIR, List.of("shots"), thresholds,
                List.of(new Evaluation.ClipResult(clip, new ScoreCard(), perThreshold, 6000, Duration.ofSeconds(1))));

        assertThat(thresholds).hasSize(12).startsWith(0.05).endsWith(0.6);
        var best = result.best(Scorer.CUT_EXACT);
        assertThat(best.score().f1()).isEqualTo(1.0);
        assertThat(best.score().tp()).isEqualTo(2);
        assertThat(result.best(Scorer.TRANSITION_HIT).score().fp()).as("cuts are not transitions").isZero();
    }

    @Test
    void parsesTheMetadataPrintOutput() {
        var scenes = SceneScores.parse(List.of("frame:0    pts:1       pts_time:0.0417084", "lavfi.scene_score=0.000000",
                "frame:1    pts:2       pts_time:0.0834168", "lavfi.scene_score=0.302563"));
        assertThat(scenes.frames()).containsExactly(0, 1);
        assertThat(scenes.ms()).containsExactly(42, 83);
        assertThat(scenes.detections(0.3)).containsExactly(1);
    }

    @Test
    void corpusClipsResolveRelativeClipsAndExplainWhatIsWrong() throws IOException {
        Path corpus = Files.createDirectories(DIR.resolve("corpus"));
        Files.copy(CLIP, corpus.resolve("three-stills.mp4"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        truth("three-stills.mp4").write(corpus.resolve("three-stills.truth.json"));
        var clips = CorpusClip.find(corpus);
        assertThat(clips).hasSize(1);
        assertThat(clips.get(0).clip()).isEqualTo(corpus.resolve("three-stills.mp4").toAbsolutePath().normalize());

        Path missing = Files.createDirectories(DIR.resolve("missing"));
        truth("gone.mp4").write(missing.resolve("gone.truth.json"));
        assertThatThrownBy(() -> CorpusClip.find(missing)).isInstanceOf(ApiException.class)
                .hasMessageContaining("names clip gone.mp4").hasMessageContaining("does not exist");

        Path broken = Files.createDirectories(DIR.resolve("broken"));
        Files.writeString(broken.resolve("x.truth.json"), "{\"clip\": ");
        assertThatThrownBy(() -> CorpusClip.find(broken)).isInstanceOf(ApiException.class)
                .hasMessageContaining("cannot read ground truth");

        assertThatThrownBy(() -> SceneScores.measure("/nonexistent/ffmpeg", CLIP)).isInstanceOf(ApiException.class)
                .hasMessageContaining("install FFmpeg");
    }
}
