package io.cuepoint.api.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.api.eval.GroundTruth.Label;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Renders the slice corpus and decodes it back: the ground truth must describe the pixels and samples
 * that really came out of the encoder, frame for frame.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusGeneratorTest {
    private static final Path OUT = Path.of("target", "corpus-slice");

    private final Map<String, GroundTruth> truths = new HashMap<>();
    private final Map<String, DecodedClip> clips = new HashMap<>();
    private final List<String> progress = new ArrayList<>();

    @BeforeAll
    void renderSlice() throws IOException {
        deleteTree(OUT);
        List<Path> files = CorpusGenerator.generate(OUT, CorpusSize.SLICE, 7, progress::add);
        for (Path file : files) {
            GroundTruth truth = GroundTruth.read(file);
            String name = truth.clip().replace(".mp4", "");
            truths.put(name, truth);
            clips.put(name, DecodedClip.decode(file.resolveSibling(truth.clip())));
        }
    }

    @Test
    void everyFamilyIsThereWithItsTruthAndExactFrameCount() {
        assertThat(truths.keySet()).containsExactlyInAnyOrder("lecture-01", "lecture-02", "shots-01", "camera-01",
                "motion-01", "technical-01");
        assertThat(progress).hasSize(truths.size());
        double seconds = 0;
        for (var e : truths.entrySet()) {
            GroundTruth truth = e.getValue();
            DecodedClip clip = clips.get(e.getKey());
            assertThat(clip.frames()).as(e.getKey() + " frames").isEqualTo(truth.frames());
            assertThat(clip.frameRate()).isEqualTo(25.0);
            assertThat(clip.width()).isEqualTo(640);
            assertThat(truth.durationMs()).isEqualTo(truth.frames() * 40);
            assertThat(truth.source()).contains("seed 7");
            assertThat(truth.scored()).isNotEmpty();
            for (Label l : truth.events()) {
                assertThat(truth.scored()).contains(l.type());
                assertThat(truth.startMs(l)).isBetween(0L, truth.durationMs());
                assertThat(truth.endMs(l)).isBetween(truth.startMs(l), truth.durationMs());
            }
            seconds += truth.durationMs() / 1000.0;
        }
        assertThat(seconds).isBetween(60.0, 95.0);
        // Every scored phenomenon occurs in the slice.
        Set<String> types = new TreeSet<>();
        truths.values().forEach(t -> t.events().forEach(l -> types.add(l.type() + (l.kind() == null ? "" : "/" + l.kind()))));
        assertThat(types).contains("shot.cut", "shot.transition/dissolve", "shot.transition/fade-out",
                "shot.transition/fade-in", "slide.shown", "tech.black", "tech.frozen", "audio.silence", "camera.pan",
                "camera.tilt", "camera.zoom", "camera.shake", "motion.active");
    }

    @Test
    void theSameSeedGivesTheSameTruth() throws IOException {
        Path again = OUT.resolveSibling("corpus-slice-again");
        deleteTree(again);
        List<Path> files = CorpusGenerator.generate(again, CorpusSize.SLICE, 7);
        for (Path file : files) {
            GroundTruth truth = GroundTruth.read(file);
            assertThat(truth).isEqualTo(truths.get(truth.clip().replace(".mp4", "")));
        }
    }

    @Test
    void aCutChangesThePictureWhileItsNeighboursInsideShotsDoNot() {
        int cuts = 0;
        for (var e : truths.entrySet()) {
            DecodedClip clip = clips.get(e.getKey());
            for (Label cut : e.getValue().of("shot.cut")) {
                int c = cut.frame().intValue();
                double within = Math.max(Math.max(clip.change()[c - 2], clip.change()[c - 1]),
                        Math.max(clip.change()[c + 1], clip.change()[c + 2]));
                assertThat(clip.change()[c]).as(e.getKey() + " cut at " + c).isGreaterThan(3.0)
                        .isGreaterThan(4 * within);
                cuts++;
            }
        }
        assertThat(cuts).isGreaterThanOrEqualTo(4);
    }

    @Test
    void blackFramesAreBlackAndFadesDarkenTowardsThem() {
        for (var e : truths.entrySet()) {
            DecodedClip clip = clips.get(e.getKey());
            for (Label black : e.getValue().of("tech.black")) {
                for (long f = black.startFrame(); f <= black.endFrame(); f++) {
                    assertThat(clip.mean()[(int) f]).as(e.getKey() + " black frame " + f).isLessThan(1.0);
                }
            }
            for (Label fade : e.getValue().of("shot.transition")) {
                int s = fade.startFrame().intValue();
                int end = fade.endFrame().intValue();
                if ("fade-out".equals(fade.kind())) {
                    assertThat(clip.mean()[end]).isLessThan(clip.mean()[s] * 0.5).isGreaterThan(0.2);
                } else if ("fade-in".equals(fade.kind())) {
                    assertThat(clip.mean()[s]).isLessThan(clip.mean()[end] * 0.5).isGreaterThan(0.2);
                }
            }
        }
        DecodedClip technical = clips.get("technical-01");
        for (Label black : truths.get("technical-01").of("tech.black")) {
            assertThat(technical.mean()[black.startFrame().intValue() - 1]).isGreaterThan(15);
            assertThat(technical.mean()[black.endFrame().intValue() + 1]).isGreaterThan(15);
        }
    }

    @Test
    void frozenFramesRepeatTheHeldPictureAndMovingOnesDoNot() {
        DecodedClip clip = clips.get("technical-01");
        List<Label> frozen = truths.get("technical-01").of("tech.frozen");
        assertThat(frozen).isNotEmpty();
        boolean[] held = new boolean[clip.frames()];
        for (Label l : frozen) {
            assertThat(l.endFrame() - l.startFrame() + 1).isGreaterThanOrEqualTo(50);
            for (long f = l.startFrame() + 1; f <= l.endFrame(); f++) {
                assertThat(clip.change()[(int) f]).as("frozen frame " + f).isLessThan(0.3);
                assertThat(clip.changed()[(int) f]).isZero();
                held[(int) f] = true;
            }
            assertThat(clip.change()[l.endFrame().intValue() + 1]).isGreaterThan(0.5);
        }
        for (Label l : truths.get("technical-01").of("tech.black")) {
            for (long f = l.startFrame() + 1; f <= l.endFrame(); f++) {
                held[(int) f] = true;
            }
        }
        for (int f = 1; f < clip.frames(); f++) {
            if (!held[f]) {
                assertThat(clip.change()[f]).as("moving frame " + f).isGreaterThan(0.3);
            }
        }
    }

    @Test
    void silencesAreSilentAndTheSoundAroundThemIsNot() throws IOException {
        GroundTruth truth = truths.get("technical-01");
        short[] pcm = decodeAudio(OUT.resolve(truth.clip()));
        assertThat(pcm.length / 48_000.0).isCloseTo(truth.durationMs() / 1000.0, org.assertj.core.data.Offset.offset(0.1));
        List<Label> silences = truth.of("audio.silence");
        assertThat(silences).isNotEmpty();
        for (Label s : silences) {
            long start = truth.startMs(s);
            long end = truth.endMs(s);
            assertThat(end - start).isGreaterThanOrEqualTo(1000);
            assertThat(dbfs(pcm, start + 40, end - 40)).as("silence at " + start).isLessThan(-60);
            assertThat(dbfs(pcm, start - 400, start - 40)).as("sound before " + start).isGreaterThan(-48);
            assertThat(dbfs(pcm, end + 40, end + 400)).as("sound after " + end).isGreaterThan(-48);
        }
    }

    @Test
    void aDissolveFrameIsABlendOfItsEnds() {
        int dissolves = 0;
        for (var e : truths.entrySet()) {
            DecodedClip clip = clips.get(e.getKey());
            for (Label d : e.getValue().of("shot.transition")) {
                if (!"dissolve".equals(d.kind())) {
                    continue;
                }
                int s = d.startFrame().intValue();
                int end = d.endFrame().intValue();
                int m = (s + end) / 2;
                double t = (m - s + 1.0) / (end - s + 2.0);
                byte[] a = clip.small().get(s - 1);
                byte[] b = clip.small().get(end + 1);
                byte[] blend = new byte[a.length];
                for (int i = 0; i < a.length; i++) {
                    blend[i] = (byte) Math.round((1 - t) * (a[i] & 255) + t * (b[i] & 255));
                }
                byte[] mid = clip.small().get(m);
                assertThat(DecodedClip.mad(mid, blend)).as(e.getKey() + " dissolve at " + s)
                        .isLessThan(0.5 * Math.min(DecodedClip.mad(mid, a), DecodedClip.mad(mid, b)));
                dissolves++;
            }
        }
        assertThat(dissolves).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aReturnToASlideShowsThatSlideAgain() {
        for (String name : List.of("lecture-01", "lecture-02")) {
            DecodedClip clip = clips.get(name);
            List<Label> shown = truths.get(name).of("slide.shown");
            assertThat(shown.get(0).startFrame()).isZero();
            assertThat(shown.get(shown.size() - 1).endFrame()).isEqualTo(clip.frames() - 1);
            int returns = 0;
            for (int i = 1; i < shown.size(); i++) {
                Label later = shown.get(i);
                assertThat(later.startFrame()).isEqualTo(shown.get(i - 1).endFrame() + 1);
                for (int j = 0; j < i; j++) {
                    Label earlier = shown.get(j);
                    double d = DecodedClip.mad(clip.small().get(earlier.endFrame().intValue() - 10),
                            clip.small().get(later.endFrame().intValue() - 10));
                    if (earlier.slide().equals(later.slide())) {
                        assertThat(d).as(name + " slide " + later.slide() + " again").isLessThan(name.equals("lecture-01") ? 1.0 : 4.0);
                        returns++;
                    } else {
                        assertThat(d).as(name + " slides " + earlier.slide() + ", " + later.slide()).isGreaterThan(2.0);
                    }
                }
            }
            assertThat(returns).isEqualTo(1);
        }
    }

    @Test
    void motionHappensInsideItsBoxAndNowhereElse() {
        DecodedClip clip = clips.get("motion-01");
        List<Label> active = truths.get("motion-01").of("motion.active");
        assertThat(active).hasSizeGreaterThanOrEqualTo(2);
        boolean[] moving = new boolean[clip.frames()];
        for (Label l : active) {
            var box = l.box();
            int inside = 0;
            for (long f = l.startFrame(); f <= l.endFrame(); f++) {
                moving[(int) f] = true;
                int[] b = clip.changedBox()[(int) f];
                if (clip.changed()[(int) f] > 0) {
                    inside++;
                    assertThat(b[0] / (double) clip.width()).isGreaterThanOrEqualTo(box.left() - 0.02);
                    assertThat(b[1] / (double) clip.height()).isGreaterThanOrEqualTo(box.top() - 0.02);
                    assertThat(b[2] / (double) clip.width()).isLessThanOrEqualTo(box.right() + 0.02);
                    assertThat(b[3] / (double) clip.height()).isLessThanOrEqualTo(box.bottom() + 0.02);
                }
            }
            assertThat(inside).isGreaterThan((int) (0.8 * (l.endFrame() - l.startFrame() + 1)));
        }
        for (int f = 1; f < clip.frames(); f++) {
            if (!moving[f]) {
                assertThat(clip.changed()[f]).as("idle frame " + f).isLessThan(20);
            }
        }
    }

    @Test
    void theCameraMovesTheWayItsLabelsSay() {
        DecodedClip clip = clips.get("camera-01");
        int checked = 0;
        for (Label l : truths.get("camera-01").events()) {
            if (!l.type().equals("camera.pan") && !l.type().equals("camera.tilt")) {
                continue;
            }
            int s = l.startFrame().intValue();
            int k = (int) Math.min(8, l.endFrame() - s);
            int m = (int) ((s + l.endFrame() - k) / 2);
            int[] shift = bestShift(clip, m, m + k);
            switch (l.direction()) {
                case "right" -> assertThat(shift[0]).as("pan right at " + s).isNegative();
                case "left" -> assertThat(shift[0]).as("pan left at " + s).isPositive();
                case "down" -> assertThat(shift[1]).as("tilt down at " + s).isNegative();
                case "up" -> assertThat(shift[1]).as("tilt up at " + s).isPositive();
                default -> throw new AssertionError(l);
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anUnwritableOutputDirectoryIsNamed() throws IOException {
        Path file = Files.writeString(OUT.resolveSibling("corpus-not-a-dir"), "x");
        assertThatThrownBy(() -> CorpusGenerator.generate(file.resolve("sub"), CorpusSize.SLICE, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not writable").hasMessageContaining("corpus-not-a-dir");
    }

    /** The shift (dx, dy) of frame {@code b}'s content relative to frame {@code a}, in quarter-size pixels. */
    private static int[] bestShift(DecodedClip clip, int a, int b) {
        byte[] pa = clip.small().get(a);
        byte[] pb = clip.small().get(b);
        int w = clip.smallWidth();
        int h = pa.length / w;
        int range = 20;
        double best = Double.MAX_VALUE;
        int[] shift = {0, 0};
        for (int dy = -range; dy <= range; dy++) {
            for (int dx = -range; dx <= range; dx++) {
                long sum = 0;
                int n = 0;
                for (int y = range; y < h - range; y += 2) {
                    for (int x = range; x < w - range; x += 2) {
                        sum += Math.abs((pa[y * w + x] & 255) - (pb[(y + dy) * w + x + dx] & 255));
                        n++;
                    }
                }
                double mad = sum / (double) n;
                if (mad < best) {
                    best = mad;
                    shift = new int[] {dx, dy};
                }
            }
        }
        return shift;
    }

    private static short[] decodeAudio(Path clip) throws IOException {
        Path raw = OUT.resolve("audio.s16le");
        var cmd = List.of("ffmpeg", "-nostdin", "-y", "-v", "error", "-i", clip.toString(), "-vn", "-ac", "1", "-ar", "48000",
                "-f", "s16le", raw.toString());
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(out).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        short[] pcm = new short[bytes.remaining() / 2];
        bytes.asShortBuffer().get(pcm);
        return pcm;
    }

    private static double dbfs(short[] pcm, long fromMs, long toMs) {
        int from = (int) Math.max(0, fromMs * 48);
        int to = (int) Math.min(pcm.length, toMs * 48);
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        double rms = Math.sqrt(sum / Math.max(1, to - from)) / 32768.0;
        return rms <= 0 ? -120 : 20 * Math.log10(rms);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
