package io.cuepoint.ingest.decode;

import java.nio.FloatBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Cuts interleaved float samples into fixed windows and measures each window's RMS and peak level,
 * mixing channels by their mean (what a listener hears from a mono downmix). With a PCM rate, it also
 * resamples the downmix to that rate ({@link AudioResampler}) and hands each window its stretch of the
 * waveform: output sample {@code m} is at media time {@code m / pcmRate}, and a window starting at
 * {@code startMs} gets the samples from {@code startMs} to the next window's start, so windows (and the
 * segments built from them) join sample-accurately. Windows then leave a few milliseconds late, once the
 * resampler has seen the input its filter reaches ahead to.
 */
public final class AudioMeter {
    /** The level reported for digital silence, instead of minus infinity. */
    public static final float SILENCE_DBFS = -120f;

    private final int channels;
    private final int windowSamples;
    private final int sampleRate;
    private final int pcmRate;
    private final Consumer<AudioWindow> out;
    private final Deque<Measured> waiting = new ArrayDeque<>();
    private AudioResampler resampler;
    private float[] mono = new float[0];
    private long windowStartSample = -1;
    private int filled;
    private double sumSquares;
    private double peak;
    private long pcmEnd;

    /** A meter of loudness only. */
    public AudioMeter(int sampleRate, int channels, int windowMs, Consumer<AudioWindow> out) {
        this(sampleRate, channels, windowMs, 0, out);
    }

    /**
     * @param pcmRate rate of the waveform handed out with each window, in Hz; 0 for none
     */
    public AudioMeter(int sampleRate, int channels, int windowMs, int pcmRate, Consumer<AudioWindow> out) {
        this.channels = Math.max(1, channels);
        this.sampleRate = sampleRate;
        this.pcmRate = pcmRate;
        this.windowSamples = Math.max(1, (int) Math.round(sampleRate * windowMs / 1000.0));
        this.out = out;
    }

    /**
     * Adds samples that start at {@code startMs}. The first call fixes the window grid; later calls
     * continue it by sample count, so small timestamp jitter in the container does not shift windows.
     */
    public void accept(long startMs, FloatBuffer interleaved) {
        if (windowStartSample < 0) {
            windowStartSample = Math.round(Math.max(0, startMs) * (double) sampleRate / 1000.0);
            if (pcmRate > 0) {
                resampler = new AudioResampler(sampleRate, pcmRate, windowStartSample, pcmIndex(msOf(windowStartSample)));
            }
        }
        int frames = interleaved.remaining() / channels;
        if (mono.length < frames) {
            mono = new float[frames];
        }
        int base = interleaved.position();
        for (int i = 0; i < frames; i++) {
            double mixed = 0;
            for (int c = 0; c < channels; c++) {
                mixed += interleaved.get(base + i * channels + c);
            }
            mixed /= channels;
            mono[i] = (float) mixed;
            sumSquares += mixed * mixed;
            peak = Math.max(peak, Math.abs(mixed));
            if (++filled == windowSamples) {
                emit(false);
            }
        }
        if (resampler != null) {
            resampler.accept(mono, 0, frames);
            drain();
        }
    }

    /** Emits a last, partial window if samples are pending (the end of the stream). */
    public void finish() {
        if (filled > 0) {
            emit(true);
        }
        if (resampler != null) {
            resampler.flush(pcmEnd);
            drain();
        }
    }

    private void emit(boolean last) {
        long startMs = msOf(windowStartSample);
        float rms = dbfs(Math.sqrt(sumSquares / filled));
        float pk = dbfs(peak);
        long endSample = windowStartSample + filled;
        windowStartSample = endSample;
        filled = 0;
        sumSquares = 0;
        peak = 0;
        if (resampler == null) {
            out.accept(new AudioWindow(startMs, rms, pk));
            return;
        }
        long from = pcmIndex(startMs);
        // A full window's waveform ends where the next window's will start; the stream's last one ends at
        // its last input sample.
        long to = last ? Math.max(from, Math.floorDiv(endSample * pcmRate + sampleRate - 1, sampleRate))
                : pcmIndex(msOf(endSample));
        waiting.add(new Measured(startMs, rms, pk, from, to));
        pcmEnd = to;
    }

    private void drain() {
        while (!waiting.isEmpty() && waiting.peekFirst().pcmTo() <= resampler.produced()) {
            Measured m = waiting.removeFirst();
            out.accept(new AudioWindow(m.startMs(), m.rmsDbfs(), m.peakDbfs(), resampler.take(m.pcmFrom(), m.pcmTo())));
        }
    }

    private long msOf(long sample) {
        return Math.round(sample * 1000.0 / sampleRate);
    }

    private long pcmIndex(long ms) {
        return Math.floorDiv(ms * pcmRate, 1000);
    }

    static float dbfs(double level) {
        if (level <= 0) {
            return SILENCE_DBFS;
        }
        return (float) Math.max(SILENCE_DBFS, 20 * Math.log10(level));
    }

    /** A measured window waiting for its waveform. */
    private record Measured(long startMs, float rmsDbfs, float peakDbfs, long pcmFrom, long pcmTo) {
    }
}
