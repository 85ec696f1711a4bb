package io.cuepoint.api.materialize;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.EventIds;
import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.analyzer.wire.Producer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@link FragmentMerger} on fragments alone. */
class FragmentMergerTest {

    @Test
    void peakAndMaxAttributesMergeByMaximumLengthsAndCountsAddUpOthersAreTimeWeighted() {
        var merged = FragmentMerger.merge(List.of(
                fragment("a", 0, 20_000, 30_000, false, true, Map.of("peakSpeed", 0.3, "maxWidth", 5,
                        "pathLength", 0.5, "sampleCount", 4, "meanSpeed", 0.05)),
                fragment("a", 1, 30_000, 40_000, true, true, Map.of("peakSpeed", 0.7, "maxWidth", 2,
                        "pathLength", 0.25, "sampleCount", 3, "meanSpeed", 0.025)),
                fragment("a", 2, 40_000, 60_000, true, false, Map.of("peakSpeed", 0.1, "maxWidth", 9,
                        "pathLength", 0.1, "sampleCount", 1, "meanSpeed", 0.005))));

        assertThat(merged).hasSize(1);
        var e = merged.get(0);
        assertThat(e.startMs()).isEqualTo(20_000);
        assertThat(e.endMs()).isEqualTo(60_000);
        assertThat(e.fragment()).isNull();
        assertThat(e.attributes().get("peakSpeed")).isEqualTo(0.7);
        assertThat(e.attributes().get("maxWidth")).isEqualTo(9.0);
        assertThat((double) e.attributes().get("pathLength")).isCloseTo(0.85, within(1e-12));
        assertThat(e.attributes().get("sampleCount")).isEqualTo(8L);
        assertThat((double) e.attributes().get("meanSpeed")).isCloseTo((0.05 * 10 + 0.025 * 10 + 0.005 * 20) / 40,
                within(1e-12));
    }

    @Test
    void twoChainsOpenAtTheSameBoundaryEachFindTheirContinuationInAnyInputOrder() {
        var fragments = new ArrayList<>(List.of(
                fragment("left", 0, 25_000, 30_000, false, true, Map.of("peakSpeed", 0.1)),
                fragment("right", 0, 27_000, 30_000, false, true, Map.of("peakSpeed", 0.2)),
                fragment("right", 1, 30_000, 31_000, true, false, Map.of("peakSpeed", 0.4)),
                fragment("left", 1, 30_000, 32_000, true, false, Map.of("peakSpeed", 0.3)),
                fragment("left", 1, 40_000, 60_000, false, true, Map.of("peakSpeed", 0.5))));
        for (int seed = 0; seed < 5; seed++) {
            Collections.shuffle(fragments, new java.util.Random(seed));

            var merged = FragmentMerger.merge(fragments);

            assertThat(merged).extracting(e -> List.of(e.attributes().get("hand"), e.startMs(), e.endMs(),
                    e.attributes().get("peakSpeed"))).containsExactlyInAnyOrder(
                    List.of("left", 25_000L, 32_000L, 0.3), List.of("right", 27_000L, 31_000L, 0.4),
                    List.of("left", 40_000L, 60_000L, 0.5));
        }
    }

    private static Event fragment(String hand, int segment, long startMs, long endMs, boolean openStart,
                                  boolean openEnd, Map<String, Object> numbers) {
        var attributes = new java.util.LinkedHashMap<String, Object>(numbers);
        attributes.put("hand", hand);
        return new Event(Event.SCHEMA, EventIds.of("v", "skills", "hand.active", startMs / 40, hand), "v",
                "hand.active", startMs, endMs, startMs / 40, endMs / 40 - 1, 0.8, null, null, null, attributes,
                new Producer("1", "skills", null), new Fragment(segment, openStart, openEnd));
    }
}
