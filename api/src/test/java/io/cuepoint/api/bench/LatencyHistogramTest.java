package io.cuepoint.api.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The load generator's histogram reads percentiles to within its bucket width. */
class LatencyHistogramTest {
    @Test
    void readsPercentilesOfAUniformSpreadWithinTwoPercent() {
        var h = new LatencyHistogram();
        for (long v = 1; v <= 100_000; v++) {
            h.record(v);
        }
        assertThat(h.count()).isEqualTo(100_000);
        assertThat(h.percentileMicros(50)).isBetween(50_000L, 51_000L);
        assertThat(h.percentileMicros(99)).isBetween(99_000L, 100_000L);
        assertThat(h.percentileMicros(99.9)).isBetween(99_900L, 100_000L);
        assertThat(h.percentileMicros(100)).isEqualTo(100_000L);
        assertThat(h.maxMicros()).isEqualTo(100_000L);
    }

    @Test
    void keepsSmallValuesExactAndATailSampleVisible() {
        var h = new LatencyHistogram();
        for (int i = 0; i < 999; i++) {
            h.record(37);
        }
        h.record(2_500_000);
        assertThat(h.percentileMicros(99)).isEqualTo(37);
        assertThat(h.percentileMicros(99.95)).isBetween(2_460_000L, 2_500_000L);
    }

    @Test
    void bucketBoundsCoverEveryValueOnce() {
        for (long v = 0; v < 1 << 20; v += 7) {
            int i = LatencyHistogram.index(v);
            assertThat(LatencyHistogram.upperBound(i)).isGreaterThanOrEqualTo(v);
            assertThat(i == 0 || LatencyHistogram.upperBound(i - 1) < v).isTrue();
        }
    }
}
