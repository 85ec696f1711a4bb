package io.cuepoint.ingest.decode;

import java.nio.FloatBuffer;
import java.util.function.Consumer;

/**
 * Cuts interleaved float samples into fixed windows and measures each window's RMS and peak level,
 * mixing channels by their mean (what a listener hears from a mono downmix).
 */
public final class AudioMeter {
    /** The level reported for digital silence, instead of minus infinity. */
    public static final float SILENCE_DBFS = -120f;

    private final int channels;
    private final int windowSamples;
    private final double sampleRate;
    private final Consumer<AudioWindow> out;
    private long windowStartSample = -1;
    private int filled;
    private double sumSquares;
    private double peak;

    public AudioMeter(int sampleRate, int channels, int windowMs, Consumer<AudioWindow> out) {
        this.channels = Math.max(1, channels);
        this.sampleRate = sampleRate;
        this.windowSamples = Math.max(1, (int) Math.round(sampleRate * windowMs / 1000.0));
        this.out = out;
    }

    /**
     * Adds samples that start at {@code startMs}. The first call fixes the window grid; later calls
     * continue it by sample count, so small timestamp jitter in the container does not shift windows.
     */
    public void accept(long startMs, FloatBuffer interleaved) {
        if (windowStartSample < 0) {
            windowStartSample = Math.round(Math.max(0, startMs) * sampleRate / 1000.0);
        }
        int frames = interleaved.remaining() / channels;
        int base = interleaved.position();
        for (int i = 0; i < frames; i++) {
            double mixed = 0;
            for (int c = 0; c < channels; c++) {
                mixed += interleaved.get(base + i * channels + c);
            }
            mixed /= channels;
            sumSquares += mixed * mixed;
            peak = Math.max(peak, Math.abs(mixed));
            if (++filled == windowSamples) {
                emit();
            }
        }
    }

    /** Emits a last, partial window if samples are pending (the end of the stream). */
    public void finish() {
        if (filled > 0) {
            emit();
        }
    }

    private void emit() {
        long startMs = Math.round(windowStartSample * 1000.0 / sampleRate);
        out.accept(new AudioWindow(startMs, dbfs(Math.sqrt(sumSquares / filled)), dbfs(peak)));
        windowStartSample += filled;
        filled = 0;
        sumSquares = 0;
        peak = 0;
    }

    static float dbfs(double level) {
        if (level <= 0) {
            return SILENCE_DBFS;
        }
        return (float) Math.max(SILENCE_DBFS, 20 * Math.log10(level));
    }
}
