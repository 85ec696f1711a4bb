package io.cuepoint.analyzer.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * A lecture-like video whose sound is espeak-ng speech at 160 words per minute with two inserted 1.5 s
 * silences at known media times, the second straddling the 30 s segment boundary, encoded by the ffmpeg
 * command line in the containers and codecs people record in (see {@link Format}). The picture is ffmpeg's
 * test pattern at 25 fps (speech ignores it). Layout, 16 kHz timing exact:
 * <pre>
 *   lead silence | TEXT | 1.5 s silence | SECOND THIRD | 1.5 s silence (29.25 - 30.75 s) | TEXT
 * </pre>
 * The lead silence is what puts the second pause across the boundary. About 49 s in all.
 */
public final class SpeechVideos {
    public static final int WPM = 160;
    public static final long PAUSE_MS = 1500;
    /** Where the straddling silence starts: it then covers 29.25 to 30.75 s, across 30 s. */
    public static final long STRADDLING_START_MS = 29_250;
    private static final String SECOND = "We start with sampling and move on to filters. "
            + "Every student should read the first chapter before next week.";

    /** Containers and audio codecs, each with the rate and channels its track is written with. */
    public enum Format {
        /** What phones and screen recorders write: H.264 and AAC (with its 1024-sample priming), 44.1 kHz stereo. */
        MP4_AAC("mp4", List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "128k", "-ar", "44100", "-ac", "2")),
        /** Web downloads: H.264 and Opus (312-sample pre-skip), 48 kHz stereo, in Matroska. */
        MKV_OPUS("mkv", List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "libopus", "-b:a", "64k", "-ar", "48000", "-ac", "2")),
        /** Old lecture archives: MPEG-4 Part 2 and MP3 (LAME's encoder delay), 22.05 kHz mono, in AVI. */
        AVI_MP3("avi", List.of("-c:v", "mpeg4", "-q:v", "5", "-c:a", "libmp3lame", "-b:a", "64k",
                "-ar", "22050", "-ac", "1"));

        final String extension;
        final List<String> codecs;

        Format(String extension, List<String> codecs) {
            this.extension = extension;
            this.codecs = codecs;
        }
    }

    /**
     * A written clip and its truth.
     *
     * @param file      the video
     * @param audio     its sound as written, 16 kHz mono
     * @param pausesMs  media times where the two inserted silences start (each {@link #PAUSE_MS} long)
     * @param leadMs    the silence before the first word
     */
    public record Clip(Path file, float[] audio, long[] pausesMs, long leadMs) {
        public long durationMs() {
            return ms(audio.length);
        }
    }

    private SpeechVideos() {
    }

    /** The clip in {@code format}, written under {@code dir} unless it is there already. */
    public static synchronized Clip write(Path dir, Format format) {
        var text = SpeechClips.speech(WPM);
        var second = SpeechClips.speech(SECOND, WPM);
        long leadMs = STRADDLING_START_MS - ms(text.length) - PAUSE_MS - ms(second.length);
        if (leadMs < 500) {
            throw new IllegalStateException("espeak-ng spoke too slowly for the layout: lead of " + leadMs + " ms");
        }
        var lead = new float[(int) (leadMs * SpeechClips.RATE / 1000)];
        var audio = SpeechClips.concat(lead, text, SpeechClips.silence(PAUSE_MS / 1000.0), second,
                SpeechClips.silence(PAUSE_MS / 1000.0), text);
        long first = ms(lead.length + text.length);
        long straddling = ms(lead.length + text.length + SpeechClips.RATE * 3 / 2 + second.length);
        var file = dir.resolve("speech-" + format.name().toLowerCase() + "." + format.extension);
        if (!Files.exists(file)) {
            try {
                Files.createDirectories(dir);
                var wav = dir.resolve("speech-" + format.name().toLowerCase() + ".wav");
                writeWav(wav, audio);
                double seconds = audio.length / (double) SpeechClips.RATE;
                var command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                        "testsrc=size=320x240:rate=25:duration=" + seconds, "-i", wav.toString()));
                command.addAll(format.codecs);
                var partial = dir.resolve("partial-" + file.getFileName());
                command.add(partial.toString());
                run(command);
                Files.move(partial, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Clip(file, audio, new long[] {first, straddling}, leadMs);
    }

    private static void writeWav(Path wav, float[] audio) throws IOException {
        var bytes = ByteBuffer.allocate(audio.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : audio) {
            bytes.putShort((short) Math.max(-32768, Math.min(32767, Math.round(v * 32768))));
        }
        var format = new AudioFormat(SpeechClips.RATE, 16, 1, true, false);
        try (var stream = new AudioInputStream(new ByteArrayInputStream(bytes.array()), format, audio.length)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, wav.toFile());
        }
    }

    private static void run(List<String> command) throws IOException {
        var process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static long ms(int samples) {
        return Math.round(samples * 1000.0 / SpeechClips.RATE);
    }
}
