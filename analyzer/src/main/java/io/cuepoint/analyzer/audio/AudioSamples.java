package io.cuepoint.analyzer.audio;

import io.cuepoint.ingest.wire.AudioRecord;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * A segment's mono waveform as floats in [-1, 1], decoded from the 16-bit PCM that ingest puts in its
 * {@link AudioRecord}.
 *
 * @param startMs    media time of the first sample
 * @param sampleRate samples per second
 * @param samples    the samples
 */
public record AudioSamples(long startMs, int sampleRate, float[] samples) {
    public AudioSamples {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
    }

    /** The waveform of a record, or empty when it carries none. */
    public static Optional<AudioSamples> of(AudioRecord record) {
        if (record == null || record.pcm() == null || record.pcmRate() <= 0) {
            return Optional.empty();
        }
        var shorts = ByteBuffer.wrap(record.pcm()).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        var samples = new float[shorts.remaining()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = shorts.get(i) / 32768f;
        }
        return Optional.of(new AudioSamples(record.startMs(), record.pcmRate(), samples));
    }

    /** Media time just past the last sample. */
    public long endMs() {
        return startMs + Math.round(samples.length * 1000.0 / sampleRate);
    }

    /** Media time of sample {@code index}, rounded to the millisecond. */
    public long msAt(int index) {
        return startMs + Math.round(index * 1000.0 / sampleRate);
    }

    /** The sample at media time {@code ms}, clamped to the waveform. */
    public int indexAt(long ms) {
        long index = Math.round((ms - startMs) * sampleRate / 1000.0);
        return (int) Math.max(0, Math.min(samples.length, index));
    }
}
