package io.cuepoint.api.eval;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Lecture clips for the engagement timeline, each a variant of one baseline that changes exactly one thing:
 * 60 s at 640x360 and 25 fps; slides ({@link SlideDesign}, each in the next palette) shown one after another;
 * the presenter (skimage's astronaut photograph, a real person, with sensor grain) picture-in-picture in the
 * lower right; and a voice reading a lecture text, synthesized by espeak-ng at a given rate in words per minute.
 * Written under the caller's folder (tests keep generated media under target/).
 */
public final class EngagementClips {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 360;
    public static final long DURATION_MS = 60_000;
    private static final int PRESENTER_SIZE = 168;
    private static final String TEXT = "Today we look at how cells turn food into energy. The first step happens in "
            + "the cytoplasm, where glucose is split into two smaller molecules. Then the mitochondria take over, and "
            + "most of the energy is released there. Why does this matter for a clinician? Because a patient who "
            + "cannot use oxygen well will show it first in the tissues that need the most energy, such as the heart "
            + "and the brain. Keep that picture in mind while we go through the numbers on the next slides. ";

    /**
     * What a clip shows.
     *
     * @param wordsPerMinute   espeak-ng's speaking rate
     * @param slideEveryMs     a new slide this often, the first at 0
     * @param presenterUntilMs the presenter is in the picture from 0 until this time
     */
    public record Spec(int wordsPerMinute, long slideEveryMs, long presenterUntilMs) {
        /** 120 words per minute, a slide every 20 s, the presenter throughout. */
        public static Spec baseline() {
            return new Spec(120, 20_000, DURATION_MS);
        }

        public Spec withWordsPerMinute(int wpm) {
            return new Spec(wpm, slideEveryMs, presenterUntilMs);
        }

        public Spec withSlideEveryMs(long ms) {
            return new Spec(wordsPerMinute, ms, presenterUntilMs);
        }

        public Spec withPresenterUntilMs(long ms) {
            return new Spec(wordsPerMinute, slideEveryMs, ms);
        }
    }

    private EngagementClips() {
    }

    /** Writes the clip of {@code spec} to {@code file} (MP4 with an AAC voice track). */
    public static Path write(Path file, Spec spec) throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        short[] voice = voice(file.resolveSibling(file.getFileName() + ".voice"), spec.wordsPerMinute());
        BufferedImage presenter = scaled(Stills.read("skimage:astronaut.png"), PRESENTER_SIZE);
        var random = new Random(5);
        var slide = new Canvas(WIDTH, HEIGHT);
        var frame = new Canvas(WIDTH, HEIGHT);
        long frames = DURATION_MS * ClipWriter.FPS / 1000;
        int shownSlide = -1;
        try (var writer = new ClipWriter(file, WIDTH, HEIGHT, true)) {
            for (long f = 0; f < frames; f++) {
                long ms = f * 1000 / ClipWriter.FPS;
                int index = (int) (ms / spec.slideEveryMs());
                if (index != shownSlide) {
                    drawSlide(slide, index);
                    shownSlide = index;
                }
                frame.copyFrom(slide);
                if (ms < spec.presenterUntilMs()) {
                    var g = frame.graphics();
                    int x = WIDTH - PRESENTER_SIZE - 8;
                    int y = HEIGHT - PRESENTER_SIZE - 8;
                    g.setColor(Color.DARK_GRAY);
                    g.fillRect(x - 2, y - 2, PRESENTER_SIZE + 4, PRESENTER_SIZE + 4);
                    g.drawImage(presenter, x, y, null);
                    g.dispose();
                }
                frame.grain(random, 2);
                writer.video(frame);
                int from = (int) (f * ClipWriter.SAMPLES_PER_FRAME);
                short[] chunk = new short[ClipWriter.SAMPLES_PER_FRAME];
                if (from < voice.length) {
                    System.arraycopy(voice, from, chunk, 0, Math.min(chunk.length, voice.length - from));
                }
                writer.audio(chunk);
            }
        }
        return file;
    }

    /** Slide {@code index} of the deck: its own seed and the next palette, so that every change is visible. */
    private static void drawSlide(Canvas canvas, int index) {
        var design = SlideDesign.random(new Random(100 + index),
                SlideDesign.PALETTES[index % SlideDesign.PALETTES.length], index % 2);
        var g = canvas.graphics();
        design.draw(g, WIDTH, HEIGHT, design.bullets().size());
        g.dispose();
    }

    private static BufferedImage scaled(BufferedImage source, int size) {
        var out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.drawImage(source, 0, 0, size, size, null);
        g.dispose();
        return out;
    }

    /**
     * The lecture text read by espeak-ng at {@code wpm}, repeated until it fills the clip, as mono 16-bit samples
     * at {@link ClipWriter#SAMPLE_RATE}; sox resamples espeak-ng's 22.05 kHz output.
     */
    static short[] voice(Path stem, int wpm) throws IOException, InterruptedException {
        int words = TEXT.split(" ").length;
        var text = new StringBuilder();
        // Enough repetitions for a minute at this rate, and one more for espeak-ng's own pacing.
        for (int i = 0; i <= wpm * (DURATION_MS / 60_000.0) / words + 1; i++) {
            text.append(TEXT);
        }
        Path wav = Path.of(stem + ".wav");
        Path raw = Path.of(stem + ".raw");
        run(List.of("espeak-ng", "-s", Integer.toString(wpm), "-w", wav.toString(), text.toString()));
        run(List.of("sox", wav.toString(), "-r", Integer.toString(ClipWriter.SAMPLE_RATE), "-c", "1", "-b", "16",
                "-e", "signed-integer", "-t", "raw", raw.toString()));
        byte[] bytes = Files.readAllBytes(raw);
        var samples = new short[(int) (DURATION_MS * ClipWriter.SAMPLE_RATE / 1000)];
        var buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        buffer.get(samples, 0, Math.min(samples.length, buffer.remaining()));
        return samples;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " failed: " + new String(output));
        }
    }
}
