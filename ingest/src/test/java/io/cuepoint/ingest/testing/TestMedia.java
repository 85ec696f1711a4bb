package io.cuepoint.ingest.testing;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Media for tests, shared with the analyzer and api tests through the test-jar: the sample videos of the
 * Debian package {@code opencv-doc}, and small clips generated with known ground truth.
 */
public final class TestMedia {
    /** Where {@code opencv-doc} installs its sample media. */
    public static final Path OPENCV_DATA = Path.of("/usr/share/doc/opencv-doc/examples/data");

    private TestMedia() {
    }

    /** 795 frames, 768x576, 10 fps, MS-MPEG4v3 in AVI, no audio: people walking past a fixed camera. */
    public static Path vtest() {
        return require("vtest.avi");
    }

    /** 270 frames, 720x528, 23.976 fps, MPEG-4 + AC-3 stereo audio, 11.26 s. */
    public static Path megamind() {
        return require("Megamind.avi");
    }

    /** The same scene, 270 frames at 30 fps, packed-B-frame MPEG-4 without timestamps on most packets. */
    public static Path megamindBugy() {
        return require("Megamind_bugy.avi");
    }

    private static Path require(String name) {
        Path p = OPENCV_DATA.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p + " is missing: install the Debian package opencv-doc "
                    + "(apt-get install opencv-doc) to run these tests");
        }
        return p;
    }

    /**
     * Ground truth of a generated clip.
     *
     * @param path      the file
     * @param width     coded width
     * @param height    coded height
     * @param ptsMs     presentation time of each frame, in order
     * @param cutFrames frames at which the content changes abruptly (the first frame of each new shot)
     */
    public record Clip(Path path, int width, int height, long[] ptsMs, int[] cutFrames) {
        public int frames() {
            return ptsMs.length;
        }

        /** Presentation times of the cut frames. */
        public long[] cutMs() {
            return Arrays.stream(cutFrames).mapToLong(f -> ptsMs[f]).toArray();
        }
    }

    /**
     * Writes an H.264 MP4 of {@code frames} frames whose content changes abruptly exactly at each of
     * {@code cutFrames}: every shot has its own background colour and pattern, and within a shot a shape
     * drifts and mild noise varies, so consecutive frames of one shot differ a little but never abruptly.
     */
    public static Clip generateClipWithCuts(Path out, int width, int height, double fps, int frames, int[] cutFrames) {
        long[] pts = new long[frames];
        for (int i = 0; i < frames; i++) {
            pts[i] = Math.round(i * 1000.0 / fps);
        }
        int[] cuts = Arrays.stream(cutFrames).sorted().toArray();
        write(out, width, height, fps, 0, 1.0, pts, i -> shotOf(i, cuts), false);
        return new Clip(out, width, height, pts, cuts);
    }

    /**
     * Writes a variable-frame-rate H.264 MP4 whose frames carry exactly the given presentation times
     * (milliseconds, increasing). Stored with a 1 ms time base, so the times survive exactly.
     */
    public static Clip generateVariableFrameRate(Path out, int width, int height, long[] ptsMs) {
        write(out, width, height, 1000, 0, 1.0, ptsMs, i -> 0, false);
        return new Clip(out, width, height, ptsMs.clone(), new int[0]);
    }

    /** Evenly spaced frame times for {@code frames} frames at {@code fps}. */
    public static long[] evenPts(int frames, double fps) {
        long[] pts = new long[frames];
        for (int i = 0; i < frames; i++) {
            pts[i] = Math.round(i * 1000.0 / fps);
        }
        return pts;
    }

    /**
     * Writes a clip with a display-matrix rotation of {@code clockwiseDegrees}. The coded picture is red in
     * its top half and blue in its bottom half; turned 90 degrees clockwise for display, red is on the
     * right.
     */
    public static Clip generateRotated(Path out, int width, int height, int clockwiseDegrees, int frames) {
        long[] pts = evenPts(frames, 10);
        write(out, width, height, 10, clockwiseDegrees, 1.0, pts, i -> 0, true);
        return new Clip(out, width, height, pts, new int[0]);
    }

    /** Writes a clip whose pixels are {@code sampleAspectRatio} times wider than tall (anamorphic). */
    public static Clip generateNonSquarePixels(Path out, int width, int height, double sampleAspectRatio, int frames) {
        long[] pts = evenPts(frames, 10);
        write(out, width, height, 10, 0, sampleAspectRatio, pts, i -> 0, false);
        return new Clip(out, width, height, pts, new int[0]);
    }

    /** Writes one second of a 440 Hz tone as a WAV file: audio, and no video stream. */
    public static Path generateAudioOnly(Path out) {
        ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=1", out.toString());
        return out;
    }

    /**
     * Writes a 160 x 120, 25 fps H.264 video in Matroska with uncompressed stereo audio (so no codec delay
     * shifts it): a sine of {@code hz} whose channels mix to amplitude 0.5 (left 0.6, right 0.4), silent
     * within each {@code [from, to)} pair of {@code silences} (seconds).
     */
    public static Path generateGatedTone(Path out, int sampleRate, double seconds, double hz, double... silences) {
        var gate = new StringBuilder();
        for (int i = 0; i + 1 < silences.length; i += 2) {
            gate.append("*not(between(t,").append(silences[i]).append(',').append(silences[i + 1]).append("))");
        }
        String tone = "sin(2*PI*" + hz + "*t)" + gate;
        ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=25:duration=" + seconds,
                "-f", "lavfi", "-i", "aevalsrc=exprs='0.6*" + tone + "|0.4*" + tone + "':s=" + sampleRate + ":d=" + seconds,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "pcm_s16le", "-shortest",
                out.toString());
        return out;
    }

    /** The audio of {@code media} as FFmpeg's command line resamples it: mono 16-bit samples at {@code rate}. */
    public static short[] ffmpegMonoPcm(Path media, int rate) {
        try {
            Path raw = Files.createTempFile("pcm", ".s16");
            try {
                ffmpeg("-i", media.toString(), "-vn", "-ac", "1", "-ar", Integer.toString(rate), "-f", "s16le",
                        raw.toString());
                var shorts = java.nio.ByteBuffer.wrap(Files.readAllBytes(raw))
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer();
                short[] pcm = new short[shorts.remaining()];
                shorts.get(pcm);
                return pcm;
            } finally {
                Files.deleteIfExists(raw);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a short text file with a video file name. */
    public static Path textFile(Path out) {
        try {
            return Files.writeString(out, "These are lecture notes, not a video.\n".repeat(50), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an empty file. */
    public static Path emptyFile(Path out) {
        try {
            return Files.write(out, new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the first {@code fraction} of {@code source}'s bytes, like an interrupted upload. */
    public static Path truncatedCopy(Path source, Path out, double fraction) {
        try {
            byte[] all = Files.readAllBytes(source);
            return Files.write(out, Arrays.copyOf(all, (int) (all.length * fraction)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first frame as FFmpeg's command line shows it (auto-rotated, scaled to {@code width x height}),
     * packed BGR: an independent reference for orientation.
     */
    public static byte[] firstFrameAsFfmpegShowsIt(Path video, int width, int height) {
        try {
            Path raw = Files.createTempFile("frame", ".bgr");
            try {
                ffmpeg("-i", video.toString(), "-frames:v", "1", "-s", width + "x" + height, "-f", "rawvideo",
                        "-pix_fmt", "bgr24", raw.toString());
                return Files.readAllBytes(raw);
            } finally {
                Files.deleteIfExists(raw);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies {@code source}, overwriting {@code length} bytes at each of the given fractions of the file
     * with seeded random bytes: damage inside the stream, as from a bad disk or a broken transfer.
     */
    public static Path damagedCopy(Path source, Path out, int length, double... fractions) {
        try {
            byte[] all = Files.readAllBytes(source);
            Random random = new Random(7);
            for (double f : fractions) {
                int at = (int) (all.length * f);
                for (int i = at; i < Math.min(all.length, at + length); i++) {
                    all[i] = (byte) random.nextInt(256);
                }
            }
            return Files.write(out, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the ffmpeg command line (installed with the Debian package ffmpeg), failing on error. */
    public static void ffmpeg(String... args) {
        var cmd = new java.util.ArrayList<>(List.of("ffmpeg", "-nostdin", "-y", "-v", "error"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("ffmpeg failed: " + String.join(" ", cmd) + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run ffmpeg (apt-get install ffmpeg)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int shotOf(int frame, int[] cuts) {
        int shot = 0;
        for (int c : cuts) {
            if (frame >= c) {
                shot++;
            }
        }
        return shot;
    }

    private static void write(Path out, int width, int height, double fps, int rotation, double sar, long[] ptsMs,
                              java.util.function.IntUnaryOperator shot, boolean halves) {
        try (var recorder = new FFmpegFrameRecorder(out.toFile(), width, height, 0);
             var converter = new OpenCVFrameConverter.ToMat();
             var img = new Mat(height, width, CV_8UC3)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(AV_CODEC_ID_H264);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            // Fast and nearly lossless: tests compare what comes back with what went in.
            recorder.setVideoOption("preset", "ultrafast");
            recorder.setVideoOption("crf", "12");
            if (sar != 1.0) {
                recorder.setAspectRatio(sar);
            }
            if (rotation != 0) {
                // JavaCV takes the display matrix angle, which FFmpeg counts counter-clockwise.
                recorder.setDisplayRotation(-rotation);
            }
            recorder.start();
            Random noise = new Random(42);
            for (int i = 0; i < ptsMs.length; i++) {
                if (halves) {
                    drawHalves(img, width, height);
                } else {
                    drawShot(img, width, height, shot.applyAsInt(i), i, noise);
                }
                recorder.setTimestamp(ptsMs[i] * 1000);
                recorder.record(converter.convert(img));
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("cannot write test clip " + out, e);
        }
    }

    private static final Scalar[] BACKGROUNDS = {
            new Scalar(40, 40, 200, 0), new Scalar(200, 60, 30, 0), new Scalar(40, 190, 40, 0),
            new Scalar(30, 200, 220, 0), new Scalar(200, 40, 200, 0), new Scalar(230, 230, 230, 0)};

    private static void drawShot(Mat img, int w, int h, int shot, int frame, Random noise) {
        Scalar bg = BACKGROUNDS[shot % BACKGROUNDS.length];
        img.put(bg);
        // A shot-specific stripe texture: spacing and direction differ per shot.
        int spacing = 8 + 6 * (shot % 4);
        Scalar ink = new Scalar(255 - bg.get(0), 255 - bg.get(1), 255 - bg.get(2), 0);
        for (int x = -h; x < w + h; x += spacing) {
            if (shot % 2 == 0) {
                line(img, new Point(x, 0), new Point(x + h / 2, h), ink, 2, LINE_8, 0);
            } else {
                line(img, new Point(0, x), new Point(w, x - w / 3), ink, 2, LINE_8, 0);
            }
        }
        // Gentle motion inside the shot: a disc drifting one pixel per frame.
        int r = Math.max(4, Math.min(w, h) / 8);
        circle(img, new Point((r + frame) % Math.max(1, w - r), h / 2), r, new Scalar(128, 128, 128, 0), -1, LINE_8, 0);
        // Mild noise: a few small specks that differ every frame.
        for (int k = 0; k < 20; k++) {
            int x = noise.nextInt(Math.max(1, w - 2));
            int y = noise.nextInt(Math.max(1, h - 2));
            rectangle(img, new Rect(x, y, 2, 2), new Scalar(noise.nextInt(256), noise.nextInt(256), noise.nextInt(256), 0), -1, LINE_8, 0);
        }
    }

    private static void drawHalves(Mat img, int w, int h) {
        img.put(new Scalar(255, 0, 0, 0)); // blue (BGR)
        rectangle(img, new Rect(0, 0, w, h / 2), new Scalar(0, 0, 255, 0), -1, LINE_8, 0); // red top half
    }
}
