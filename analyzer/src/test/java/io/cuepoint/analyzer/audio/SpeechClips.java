package io.cuepoint.analyzer.audio;

import io.cuepoint.analyzer.detect.Segment;
import io.cuepoint.ingest.wire.AudioRecord;
import io.cuepoint.ingest.wire.FrameRecord;
import io.cuepoint.ingest.wire.SegmentEnd;
import io.cuepoint.ingest.wire.SegmentRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real test audio for the speech cues: speech synthesized by {@code espeak-ng}, noise and tones rendered by
 * {@code ffmpeg}, all converted to what ingest puts into an {@link AudioRecord}: mono 16-bit little-endian
 * PCM at 16 kHz. Generated files go under {@code target/speech-clips}. Clips are handled as float arrays in
 * [-1, 1] and turned into {@link Segment}s with {@link #segments}.
 */
public final class SpeechClips {
    /** 48 words, 69 syllables (1.44 per word) by dictionary syllabification. */
    public static final String TEXT = "The lecture today covers the basic ideas of signal processing. We start with "
            + "sampling and move on to filters. Every student should read the first chapter before next week. "
            + "Questions are welcome at any time during the session, so please raise your hand when something "
            + "is not clear.";
    public static final int TEXT_WORDS = 48;
    public static final int RATE = AudioRecord.PCM_RATE;
    private static final Path DIR = Path.of("target", "speech-clips");

    private SpeechClips() {
    }

    /** {@link #TEXT} spoken by espeak-ng at {@code wpm}, silence at both ends trimmed. */
    public static float[] speech(int wpm, String... espeakArgs) {
        return speech(TEXT, wpm, espeakArgs);
    }

    /** {@code text} spoken by espeak-ng at {@code wpm} (its {@code -s}), silence at both ends trimmed. */
    public static float[] speech(String text, int wpm, String... espeakArgs) {
        var wav = DIR.resolve("espeak-" + wpm + "-" + Integer.toHexString((text + String.join(" ", espeakArgs))
                .hashCode()) + ".wav");
        if (!Files.exists(wav)) {
            var command = new ArrayList<>(List.of("espeak-ng", "-s", Integer.toString(wpm), "-w", wav.toString()));
            command.addAll(List.of(espeakArgs));
            command.add(text);
            run(command);
        }
        return trim(decode(wav));
    }

    /** Noise from ffmpeg's anoisesrc ({@code white}, {@code pink}, {@code brown}) at the given amplitude. */
    public static float[] noise(String color, double seconds, double amplitude) {
        var file = DIR.resolve("noise-" + color + "-" + seconds + "-" + amplitude + ".wav");
        if (!Files.exists(file)) {
            run(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "anoisesrc=c=" + color + ":r=16000:a="
                    + amplitude + ":d=" + seconds + ":s=7", file.toString()));
        }
        return decode(file);
    }

    /** Any ffmpeg lavfi audio source expression rendered to a clip, e.g. an aevalsrc melody. */
    public static float[] lavfi(String name, String source) {
        var file = DIR.resolve(name + ".wav");
        if (!Files.exists(file)) {
            run(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", source, "-ar", "16000", "-ac", "1",
                    file.toString()));
        }
        return decode(file);
    }

    /** Digital silence. */
    public static float[] silence(double seconds) {
        return new float[(int) Math.round(seconds * RATE)];
    }

    /** The clips one after another. */
    public static float[] concat(float[]... parts) {
        int n = 0;
        for (var p : parts) {
            n += p.length;
        }
        var out = new float[n];
        int at = 0;
        for (var p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /**
     * {@code signal} with {@code noise} added (looped) so that the signal's mean power over its audible
     * samples stands {@code snrDb} above the noise's mean power.
     */
    public static float[] mix(float[] signal, float[] noise, double snrDb) {
        double gain = Math.sqrt(power(signal) / power(noise) / Math.pow(10, snrDb / 10));
        var out = new float[signal.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Math.max(-1, Math.min(1, signal[i] + gain * noise[i % noise.length]));
        }
        return out;
    }

    /** Mean power of the samples louder than -60 dBFS (pauses left out, as SNR of speech is usually meant). */
    static double power(float[] x) {
        double sum = 0;
        int n = 0;
        for (float v : x) {
            if (Math.abs(v) > 1e-3) {
                sum += (double) v * v;
                n++;
            }
        }
        return n == 0 ? 1e-12 : sum / n;
    }

    /** Removes leading and trailing samples below -60 dBFS. */
    public static float[] trim(float[] x) {
        int from = 0;
        while (from < x.length && Math.abs(x[from]) < 1e-3) {
            from++;
        }
        int to = x.length;
        while (to > from && Math.abs(x[to - 1]) < 1e-3) {
            to--;
        }
        var out = new float[to - from];
        System.arraycopy(x, from, out, 0, out.length);
        return out;
    }

    /** Seconds of a clip. */
    public static double seconds(float[] x) {
        return x.length / (double) RATE;
    }

    /**
     * The clip as the segments an analyzer receives: {@code segmentMs} long, 25 frames per second of tiny
     * thumbnails (speech ignores pictures), and an audio record with loudness windows and the PCM.
     */
    public static List<Segment> segments(String videoId, float[] clip, long segmentMs) {
        long totalMs = Math.round(clip.length * 1000.0 / RATE);
        var segments = new ArrayList<Segment>();
        long frame = 0;
        FrameRecord previous = null;
        for (int s = 0; s * segmentMs < totalMs; s++) {
            long startMs = s * segmentMs;
            long endMs = Math.min(totalMs, startMs + segmentMs);
            var frames = new ArrayList<FrameRecord>();
            for (long pts = (startMs + 39) / 40 * 40; pts < endMs; pts += 40) {
                frames.add(new FrameRecord(SegmentRecord.SCHEMA, videoId, s, frame++, pts, false, 1, 1,
                        new byte[3], null, 0, 0));
            }
            int from = (int) (startMs * RATE / 1000);
            int to = (int) Math.min(clip.length, endMs * RATE / 1000);
            var audio = audioRecord(videoId, s, startMs, clip, from, to);
            var end = new SegmentEnd(SegmentRecord.SCHEMA, videoId, s, startMs, endMs, frames.size(), 0,
                    endMs >= totalMs);
            FrameRecord leadIn = previous == null ? null : new FrameRecord(previous.schema(), videoId, s,
                    previous.frame(), previous.ptsMs(), true, 1, 1, previous.thumbnail(), null, 0, 0);
            segments.add(new Segment(leadIn, frames, audio, end));
            previous = frames.isEmpty() ? previous : frames.get(frames.size() - 1);
        }
        return segments;
    }

    private static AudioRecord audioRecord(String videoId, int segment, long startMs, float[] clip, int from, int to) {
        int window = RATE / 50;
        int windows = (to - from) / window;
        var rms = new float[windows];
        var peak = new float[windows];
        for (int w = 0; w < windows; w++) {
            double sum = 0;
            double max = 0;
            for (int i = from + w * window; i < from + (w + 1) * window; i++) {
                sum += (double) clip[i] * clip[i];
                max = Math.max(max, Math.abs(clip[i]));
            }
            rms[w] = (float) Math.max(-120, 10 * Math.log10(sum / window + 1e-30));
            peak[w] = (float) Math.max(-120, 20 * Math.log10(max + 1e-30));
        }
        var pcm = ByteBuffer.allocate((to - from) * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = from; i < to; i++) {
            pcm.putShort((short) Math.max(-32768, Math.min(32767, Math.round(clip[i] * 32768))));
        }
        return new AudioRecord(SegmentRecord.SCHEMA, videoId, segment, startMs, 20, RATE, rms, peak, RATE,
                pcm.array());
    }

    /** Any audio file decoded by ffmpeg to 16 kHz mono floats. */
    public static float[] decode(Path file) {
        byte[] raw = runForBytes(List.of("ffmpeg", "-v", "error", "-i", file.toString(), "-ar", "16000", "-ac", "1",
                "-f", "s16le", "-"));
        var shorts = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        var out = new float[shorts.remaining()];
        for (int i = 0; i < out.length; i++) {
            out[i] = shorts.get(i) / 32768f;
        }
        return out;
    }

    private static void run(List<String> command) {
        try {
            Files.createDirectories(DIR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        runForBytes(command);
    }

    private static byte[] runForBytes(List<String> command) {
        try {
            var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            var out = new ByteArrayOutputStream();
            process.getInputStream().transferTo(out);
            int rc = process.waitFor();
            if (rc != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + rc);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
