package io.cuepoint.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.ingest.wire.AudioRecord;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The resampler on tones of known frequency and level, through {@link AudioMeter} as the decoder uses it:
 * what speech analysis hears must keep pitch and loudness, and must not hear what lies above 8 kHz folded
 * down into the speech band.
 */
class AudioResamplerTest {
    private static final int OUT = AudioRecord.PCM_RATE;

    /** {@code seconds} of a stereo sine whose channels mix to {@code amplitude}. */
    private static float[] stereoTone(int rate, double hz, double amplitude, double seconds) {
        int n = (int) Math.round(rate * seconds);
        float[] interleaved = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double s = Math.sin(2 * Math.PI * hz * i / rate);
            // Unequal channels: the mono downmix is their mean, as AudioMeter mixes.
            interleaved[2 * i] = (float) (1.2 * amplitude * s);
            interleaved[2 * i + 1] = (float) (0.8 * amplitude * s);
        }
        return interleaved;
    }

    /** Runs {@code interleaved} through a meter in chunks of the given frame counts (cycled) and joins the PCM. */
    private static short[] resample(int rate, long startMs, float[] interleaved, int... chunks) {
        List<AudioWindow> windows = new ArrayList<>();
        var meter = new AudioMeter(rate, 2, 20, OUT, windows::add);
        int at = 0;
        int c = 0;
        while (at < interleaved.length) {
            int frames = Math.min(chunks[c++ % chunks.length], (interleaved.length - at) / 2);
            long ms = startMs + Math.round(at / 2 * 1000.0 / rate);
            meter.accept(ms, FloatBuffer.wrap(interleaved, at, frames * 2).slice());
            at += frames * 2;
        }
        meter.finish();
        int total = windows.stream().mapToInt(w -> w.pcm().length).sum();
        short[] joined = new short[total];
        int pos = 0;
        for (var w : windows) {
            System.arraycopy(w.pcm(), 0, joined, pos, w.pcm().length);
            pos += w.pcm().length;
        }
        return joined;
    }

    private static double rmsDb(short[] pcm, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double v = pcm[i] / 32768.0;
            sum += v * v;
        }
        return 10 * Math.log10(sum / (to - from) + 1e-20);
    }

    /** Frequency from the rising zero crossings between the first and the last one. */
    private static double frequency(short[] pcm, int from, int to) {
        int first = -1;
        int last = -1;
        int count = 0;
        double firstAt = 0;
        double lastAt = 0;
        for (int i = from + 1; i < to; i++) {
            if (pcm[i - 1] < 0 && pcm[i] >= 0) {
                double at = i - 1 + (double) -pcm[i - 1] / (pcm[i] - pcm[i - 1]);
                if (first < 0) {
                    first = i;
                    firstAt = at;
                } else {
                    count++;
                }
                last = i;
                lastAt = at;
            }
        }
        assertThat(last).as("a periodic signal").isGreaterThan(first);
        return count * OUT / (lastAt - firstAt);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {8_000, 11_025, 16_000, 22_050, 32_000, 44_100, 48_000, 44_056, 44_101})
    void aToneKeepsItsFrequencyAndLevelFromAnyRate(int rate) {
        double hz = 1000;
        // Amplitude 0.5: -9.03 dBFS RMS.
        short[] pcm = resample(rate, 0, stereoTone(rate, hz, 0.5, 2.0), 1024);

        assertThat(pcm).hasSize(2 * OUT);
        // Away from the two ends, where the filter reaches into the silence around the stream.
        assertThat(frequency(pcm, 800, pcm.length - 800)).isCloseTo(hz, within(0.5));
        assertThat(rmsDb(pcm, 800, pcm.length - 800)).isCloseTo(-9.03, within(0.5));
    }

    @ParameterizedTest(name = "{0} Hz from {1} Hz")
    @CsvSource({"3000, 8000", "5000, 22050", "6000, 44100", "6000, 48000", "100, 48000"})
    void theSpeechBandPassesAtItsLevel(double hz, int rate) {
        short[] pcm = resample(rate, 0, stereoTone(rate, hz, 0.25, 1.0), 960, 333);

        assertThat(frequency(pcm, 800, pcm.length - 800)).isCloseTo(hz, within(hz * 0.002));
        // Amplitude 0.25: -15.05 dBFS RMS.
        assertThat(rmsDb(pcm, 800, pcm.length - 800)).isCloseTo(-15.05, within(0.5));
    }

    @ParameterizedTest(name = "{0} Hz from {1} Hz")
    @CsvSource({"8500, 48000", "9000, 48000", "12000, 48000", "15000, 48000", "23000, 48000",
            "8500, 44100", "10000, 44100", "20000, 44100", "9000, 22050", "10500, 22050", "9000, 32000"})
    void tonesAboveEightKilohertzAreSuppressedNotFolded(double hz, int rate) {
        // Full scale in: 40 dB down is -43 dBFS RMS at most. Folded without a filter it would come out at
        // 16000 - hz (or its alias) at the full -3 dBFS.
        short[] pcm = resample(rate, 0, stereoTone(rate, hz, 1.0, 1.0), 1152);

        assertThat(rmsDb(pcm, 800, pcm.length - 800)).isLessThan(-3.01 - 40);
    }

    @Test
    void lengthsAndSamplesDoNotDependOnHowTheInputIsChunked() {
        int rate = 44_100;
        // Noise plus a tone: every sample differs, so a shifted or repeated stretch would show.
        float[] interleaved = stereoTone(rate, 440, 0.3, 3.3);
        var random = new Random(5);
        for (int i = 0; i < interleaved.length; i++) {
            interleaved[i] += (float) (0.05 * random.nextGaussian());
        }
        short[] reference = resample(rate, 0, interleaved, interleaved.length / 2);
        // 3.3 s at 16 kHz.
        assertThat(reference).hasSize(52_800);
        for (int[] chunks : new int[][]{{1}, {7}, {100}, {441}, {882}, {1024}, {4801}, {3, 1500, 17, 882, 64}}) {
            assertThat(resample(rate, 0, interleaved, chunks)).as("chunks %s", java.util.Arrays.toString(chunks))
                    .isEqualTo(reference);
        }
    }

    @Test
    void eachWindowCarriesTheWaveformFromItsStartToTheNextWindowsStart() {
        List<AudioWindow> windows = new ArrayList<>();
        var meter = new AudioMeter(22_050, 2, 20, OUT, windows::add);
        // Starts at 40 ms, 0.5 s long: 25 windows of 20 ms (441 input samples, 320 output samples each).
        meter.accept(40, FloatBuffer.wrap(stereoTone(22_050, 500, 0.5, 0.5)));
        meter.finish();

        assertThat(windows).hasSize(25);
        assertThat(windows.get(0).startMs()).isEqualTo(40);
        for (int i = 0; i < windows.size(); i++) {
            assertThat(windows.get(i).pcm()).as("window %d", i).hasSize(320);
            assertThat(windows.get(i).startMs()).isEqualTo(40 + 20L * i);
        }
    }

    @Test
    void aMeterWithoutPcmRateGivesNoWaveform() {
        List<AudioWindow> windows = new ArrayList<>();
        var meter = new AudioMeter(48_000, 2, 20, windows::add);
        meter.accept(0, FloatBuffer.wrap(stereoTone(48_000, 500, 0.5, 0.1)));
        meter.finish();

        assertThat(windows).hasSize(5).allSatisfy(w -> assertThat(w.pcm()).isNull());
    }

    @Test
    void takingWhatIsNotComputedYetFails() {
        var resampler = new AudioResampler(48_000, OUT, 0, 0);
        resampler.accept(new float[480], 0, 480);

        assertThat(resampler.produced()).isBetween(100L, 160L);
        assertThatThrownBy(() -> resampler.take(0, 160)).isInstanceOf(IllegalStateException.class);
        resampler.flush(160);
        assertThat(resampler.take(0, 160)).hasSize(160).containsOnly((short) 0);
    }
}
