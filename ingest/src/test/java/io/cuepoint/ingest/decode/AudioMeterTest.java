package io.cuepoint.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioMeterTest {

    @Test
    void halfScaleSineMeasuresMinus9DbRmsAndMinus6DbPeak() {
        List<AudioWindow> out = new ArrayList<>();
        var meter = new AudioMeter(48_000, 2, 20, out::add);
        // 100 ms of a 1 kHz sine at amplitude 0.5 in both channels: 20 ms windows hold whole periods.
        float[] interleaved = new float[4800 * 2];
        for (int i = 0; i < 4800; i++) {
            float s = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 48_000.0));
            interleaved[2 * i] = s;
            interleaved[2 * i + 1] = s;
        }
        meter.accept(40, FloatBuffer.wrap(interleaved));
        meter.finish();

        assertThat(out).hasSize(5);
        assertThat(out).extracting(AudioWindow::startMs).containsExactly(40L, 60L, 80L, 100L, 120L);
        // RMS of a sine is amplitude / sqrt(2): 20*log10(0.5/1.414) = -9.03 dBFS; its peak 20*log10(0.5) = -6.02.
        assertThat(out).allSatisfy(w -> {
            assertThat(w.rmsDbfs()).isCloseTo(-9.03f, within(0.05f));
            assertThat(w.peakDbfs()).isCloseTo(-6.02f, within(0.05f));
        });
    }

    @Test
    void oppositeChannelsMixToSilenceClampedAtMinus120() {
        List<AudioWindow> out = new ArrayList<>();
        var meter = new AudioMeter(8_000, 2, 20, out::add);
        float[] interleaved = new float[160 * 2];
        for (int i = 0; i < 160; i++) {
            interleaved[2 * i] = 0.8f;
            interleaved[2 * i + 1] = -0.8f;
        }
        meter.accept(0, FloatBuffer.wrap(interleaved));

        assertThat(out).singleElement().satisfies(w -> {
            assertThat(w.rmsDbfs()).isEqualTo(AudioMeter.SILENCE_DBFS);
            assertThat(w.peakDbfs()).isEqualTo(AudioMeter.SILENCE_DBFS);
        });
    }

    @Test
    void windowsContinueAcrossCallsAndTheRestIsFlushed() {
        List<AudioWindow> out = new ArrayList<>();
        var meter = new AudioMeter(1_000, 1, 20, out::add);
        float[] ones = new float[30];
        java.util.Arrays.fill(ones, 1f);
        meter.accept(0, FloatBuffer.wrap(ones));
        meter.accept(30, FloatBuffer.wrap(ones));
        meter.finish();

        assertThat(out).extracting(AudioWindow::startMs).containsExactly(0L, 20L, 40L);
        assertThat(out).allSatisfy(w -> assertThat(w.rmsDbfs()).isCloseTo(0f, within(1e-4f)));
    }
}
