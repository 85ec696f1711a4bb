package io.cuepoint.api.materialize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.api.Records;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code durationMs}, the length an interval states of itself, merges to the merged span, not a mean. */
class FragmentMergerDurationTest {
    private static final String VIDEO = "v-duration";

    @Test
    void aPauseAcrossABoundaryStatesItsWholeSpan() {
        // 10 s segments: a 4.2 s pause from 8.6 s over 10 s to 12.8 s, its fragments given out of order.
        var fragments = List.of(
                Records.event(VIDEO, "speech.pause", null, 10_000, 12_800, 1, Map.of("durationMs", 2800L,
                        "loudnessDb", -60.0), new Fragment(1, true, false)),
                Records.event(VIDEO, "speech.pause", null, 8_600, 10_000, 1, Map.of("durationMs", 1400L,
                        "loudnessDb", -90.0), new Fragment(0, false, true)));
        var merged = FragmentMerger.merge(fragments);
        assertThat(merged).singleElement().satisfies(e -> {
            assertThat(e.startMs()).isEqualTo(8_600);
            assertThat(e.endMs()).isEqualTo(12_800);
            assertThat(e.fragment()).isNull();
            assertThat(((Number) e.attributes().get("durationMs")).longValue()).isEqualTo(4_200);
            // Other numbers stay time-weighted means: (1400 * -90 + 2800 * -60) / 4200.
            assertThat(((Number) e.attributes().get("loudnessDb")).doubleValue()).isCloseTo(-70, within(1e-9));
        });
    }

    @Test
    void threeFragmentsAndAnUnmergedOneEachStateTheirOwnSpan() {
        var fragments = List.of(
                Records.event(VIDEO, "speech.pause", null, 9_700, 10_000, 1, Map.of("durationMs", 300L),
                        new Fragment(0, false, true)),
                Records.event(VIDEO, "speech.pause", null, 10_000, 20_000, 1, Map.of("durationMs", 10_000L),
                        new Fragment(1, true, true)),
                Records.event(VIDEO, "speech.pause", null, 20_000, 20_450, 1, Map.of("durationMs", 450L),
                        new Fragment(2, true, false)),
                // Its neighbour in segment 4 has not arrived: served as it stands.
                Records.event(VIDEO, "speech.pause", null, 39_100, 40_000, 1, Map.of("durationMs", 900L),
                        new Fragment(3, false, true)));
        var merged = FragmentMerger.merge(fragments);
        assertThat(merged).extracting(e -> ((Number) e.attributes().get("durationMs")).longValue())
                .containsExactly(10_750L, 900L);
    }

    @Test
    void intervalsWithoutDurationGetNone() {
        var merged = FragmentMerger.merge(List.of(
                Records.event(VIDEO, "speech.active", null, 5_000, 10_000, 1, Map.of("wordsPerMinute", 150.0),
                        new Fragment(0, false, true)),
                Records.event(VIDEO, "speech.active", null, 10_000, 11_000, 1, Map.of("wordsPerMinute", 90.0),
                        new Fragment(1, true, false))));
        assertThat(merged).singleElement().satisfies(e -> {
            assertThat(e.attributes()).doesNotContainKey("durationMs");
            assertThat(((Number) e.attributes().get("wordsPerMinute")).doubleValue()).isCloseTo(140, within(1e-9));
        });
    }
}
