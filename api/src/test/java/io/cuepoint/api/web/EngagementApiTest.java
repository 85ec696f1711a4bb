package io.cuepoint.api.web;

import static io.cuepoint.api.web.Http.getJson;
import static io.cuepoint.api.web.Http.problem;
import static io.cuepoint.api.web.Http.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.api.Records;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engagement timeline over HTTP from stored detector output ({@link LectureSignals}) applied through the real
 * materializer: each variant of the baseline lecture changes one input, and that component and the score move
 * the expected way while the other components stay put.
 */
@MicronautTest
class EngagementApiTest extends HttpApiTestBase {
    private static final List<String> COMPONENTS = List.of("speakingRate", "vocalVariety", "visualChange", "presenter",
            "gesture", "staticStretch");

    @Test
    void eachInputMovesItsOwnComponentAndTheScore() {
        var baseline = LectureSignals.baseline();
        Map<String, Double> base = means(store("eng-base", baseline));
        assertThat(base.values()).doesNotContainNull();

        expectOnlyChange(base, means(store("eng-fast", baseline.withSyllablesPerSecond(4.5))), "speakingRate", +1);
        expectOnlyChange(base, means(store("eng-flat", baseline.withPitchSpread(0.3))), "vocalVariety", -1);
        var everySixSeconds = new ArrayList<Long>();
        for (long t = 0; t < 90_000; t += 6_000) {
            everySixSeconds.add(t);
        }
        expectOnlyChange(base, means(store("eng-slides", baseline.withSlides(everySixSeconds))), "visualChange", +1);
        expectOnlyChange(base, means(store("eng-away", baseline.withPresenter(List.<long[]>of(new long[] {0, 20_000}),
                List.<long[]>of(new long[] {0, 20_000})))), "presenter", -1);
        expectOnlyChange(base, means(store("eng-gesture", baseline.withGestureShare(0.6))), "gesture", +1);
    }

    @Test
    void aLongStaticStretchLowersStaticStretchAndIsFlaggedPastSixMinutes() {
        var eightMinutes = LectureSignals.baseline().withDuration(480_000)
                .withPresenter(List.<long[]>of(new long[] {0, 480_000}), List.<long[]>of(new long[] {0, 60_000}));
        var windows = windows(store("eng-static", eightMinutes.withSlides(List.of(0L, 370_000L))));
        var early = components(windows.get(17)); // [170 s, 180 s): under 3 minutes since the last change
        var late = components(windows.get(35)); // [350 s, 360 s): almost 6 minutes
        assertThat(late.get("staticStretch")).isLessThan(early.get("staticStretch") - 0.5);
        for (String other : COMPONENTS) {
            if (!other.equals("staticStretch")) {
                assertThat(late.get(other)).as(other).isCloseTo(early.get(other), within(0.05));
            }
        }
        assertThat(score(windows.get(35))).isLessThan(score(windows.get(17)));

        var flagged = getJson(client, "/api/v1/videos/eng-static/engagement");
        assertThat(flags(flagged, "no-visual-change")).singleElement().satisfies(f -> {
            assertThat(f).containsEntry("startMs", 0).containsEntry("endMs", 370_000);
            assertThat((String) f.get("message")).contains("6:10");
        });
        // Facing only the first minute of eight: turned away for 7 minutes while in view.
        assertThat(flags(flagged, "presenter-not-facing")).singleElement()
                .satisfies(f -> assertThat(f).containsEntry("startMs", 60_000).containsEntry("endMs", 480_000));

        store("eng-static-short", eightMinutes.withSlides(List.of(0L, 350_000L)));
        assertThat(flags(getJson(client, "/api/v1/videos/eng-static-short/engagement"), "no-visual-change")).isEmpty();
    }

    @Test
    void flagsAppearAtTheirThresholds() {
        var baseline = LectureSignals.baseline();
        store("eng-flags-base", baseline);
        assertThat((List<?>) getJson(client, "/api/v1/videos/eng-flags-base/engagement").get("flags")).isEmpty();

        store("eng-flags-fast", baseline.withSyllablesPerSecond(5.5)); // 220 wpm
        assertThat(flags(getJson(client, "/api/v1/videos/eng-flags-fast/engagement"), "fast-speech")).singleElement()
                .satisfies(f -> {
                    assertThat(f).containsEntry("startMs", 0).containsEntry("endMs", 90_000);
                    assertThat((String) f.get("message")).contains("220 words per minute");
                });
        store("eng-flags-brisk", baseline.withSyllablesPerSecond(4.75)); // 190 wpm: brisk, not flagged
        assertThat(flags(getJson(client, "/api/v1/videos/eng-flags-brisk/engagement"), "fast-speech")).isEmpty();

        store("eng-flags-quiet", baseline.withSilences(List.<long[]>of(new long[] {30_000, 70_000})));
        assertThat(flags(getJson(client, "/api/v1/videos/eng-flags-quiet/engagement"), "no-speech")).singleElement()
                .satisfies(f -> assertThat(f).containsEntry("startMs", 30_000).containsEntry("endMs", 70_000));
        store("eng-flags-breath", baseline.withSilences(List.<long[]>of(new long[] {30_000, 55_000})));
        assertThat(flags(getJson(client, "/api/v1/videos/eng-flags-breath/engagement"), "no-speech")).isEmpty();

        store("eng-flags-flat", baseline.withPitchSpread(0.3));
        assertThat(flags(getJson(client, "/api/v1/videos/eng-flags-flat/engagement"), "monotone")).singleElement()
                .satisfies(f -> assertThat(f).containsEntry("startMs", 0).containsEntry("endMs", 90_000));

        store("eng-flags-away", baseline.withPresenter(List.<long[]>of(new long[] {0, 20_000}),
                List.<long[]>of(new long[] {0, 20_000})));
        assertThat(flags(getJson(client, "/api/v1/videos/eng-flags-away/engagement"), "presenter-absent"))
                .singleElement().satisfies(f -> assertThat(f).containsEntry("startMs", 20_000)
                        .containsEntry("endMs", 90_000));
        store("eng-flags-brief", baseline.withPresenter(List.<long[]>of(new long[] {0, 40_000}),
                List.<long[]>of(new long[] {0, 40_000})));
        assertThat(flags(getJson(client, "/api/v1/videos/eng-flags-brief/engagement"), "presenter-absent")).isEmpty();
    }

    @Test
    void theDocumentNamesItsWeightsWindowsAndMeasures() {
        store("eng-shape", LectureSignals.baseline());
        var doc = getJson(client, "/api/v1/videos/eng-shape/engagement?windowMs=30000");
        assertThat(doc).containsEntry("videoId", "eng-shape").containsEntry("windowMs", 30_000)
                .containsKeys("status", "weights", "windows", "flags");
        assertThat((Map<String, Object>) doc.get("weights")).containsOnlyKeys(COMPONENTS)
                .containsEntry("speakingRate", 0.25).containsEntry("gesture", 0.1);
        var windows = (List<Map<String, Object>>) doc.get("windows");
        assertThat(windows).extracting(w -> w.get("startMs")).containsExactly(0, 30_000, 60_000);
        assertThat(windows).extracting(w -> w.get("endMs")).containsExactly(30_000, 60_000, 90_000);
        var measures = (Map<String, Object>) windows.get(0).get("measures");
        assertThat(((Number) measures.get("wordsPerMinute")).doubleValue()).isCloseTo(120, within(1.0));
        assertThat(((Number) measures.get("pitchVariationSt")).doubleValue()).isCloseTo(3, within(0.2));
        assertThat(((Number) measures.get("energyVariationDb")).doubleValue()).isCloseTo(5, within(0.3));
        assertThat(measures).containsEntry("speechShare", 1.0).containsEntry("visualChanges", 1)
                .containsEntry("presenterVisibleShare", 1.0);
        assertThat(((Number) measures.get("gestureShare")).doubleValue()).isCloseTo(0.2, within(0.001));
    }

    @Test
    void componentsWithoutTheirDetectorAreNullAndLeftOutOfTheScore() {
        String v = "eng-slides-only";
        recreate(v, "slides.mp4");
        materializer.apply(Records.segment(v, 0, List.of(
                Records.event(v, "slide.shown", null, 0, 15_000, 0.9, Map.of(), null),
                Records.event(v, "slide.shown", null, 15_000, 30_000, 0.9, Map.of(), null),
                // Faces alone say nothing about a presenter: without the presenter detector its component is null.
                Records.instant(v, "face.count", 1_000, 0.9))));
        var windows = windows(getJson(client, "/api/v1/videos/" + v + "/engagement?windowMs=15000"));
        var first = windows.get(0);
        var components = (Map<String, Object>) first.get("components");
        assertThat(components).containsEntry("speakingRate", null).containsEntry("vocalVariety", null)
                .containsEntry("presenter", null).containsEntry("gesture", null).containsEntry("staticStretch", 1.0);
        double visual = ((Number) components.get("visualChange")).doubleValue();
        // Only visual change (0.20) and static stretch (0.15) are left: the score is their weighted mean.
        assertThat(score(first)).isCloseTo((0.20 * visual + 0.15 * 1.0) / 0.35, within(0.001));
    }

    @Test
    void withoutProsodyTheSpeechEventsStandForTheirIntervals() {
        String v = "eng-events-only";
        recreate(v, "talk.mp4");
        materializer.apply(Records.segment(v, 0, List.of(
                Records.event(v, "speech.active", null, 0, 10_000, 0.9,
                        Map.of("wordsPerMinute", 180.0, "pitchVariationSt", 2.5, "energyVariationDb", 5.0), null),
                Records.event(v, "speech.pause", null, 10_000, 12_000, 0.9, Map.of("durationMs", 2000), null),
                Records.event(v, "speech.active", null, 12_000, 17_000, 0.9,
                        Map.of("wordsPerMinute", 100.0, "pitchVariationSt", 0.5, "energyVariationDb", 2.0), null),
                Records.event(v, "audio.nonspeech", null, 17_000, 30_000, 0.9, Map.of("kind", "silence"), null))));
        var windows = windows(getJson(client, "/api/v1/videos/" + v + "/engagement?windowMs=10000"));
        var first = (Map<String, Object>) windows.get(0).get("measures");
        var second = (Map<String, Object>) windows.get(1).get("measures");
        assertThat(((Number) first.get("wordsPerMinute")).doubleValue()).isCloseTo(180, within(0.01));
        // 5 s at 100 wpm in a 10 s window: 50 words per minute of window.
        assertThat(((Number) second.get("wordsPerMinute")).doubleValue()).isCloseTo(50, within(0.01));
        assertThat(((Number) second.get("speechShare")).doubleValue()).isCloseTo(0.5, within(0.001));
        assertThat(components(windows.get(0)).get("speakingRate")).isEqualTo(1.0);
        assertThat(components(windows.get(1)).get("vocalVariety")).isEqualTo(0.0);
        assertThat(components(windows.get(2)).get("speakingRate")).isEqualTo(0.0);
        assertThat(components(windows.get(2)).get("vocalVariety")).isNull();
    }

    @Test
    void badWindowsUnknownVideosAndMissingKeysAreRefused() {
        store("eng-errors", LectureSignals.baseline());
        for (String bad : List.of("1999", "600001", "0", "-5", "ten")) {
            problem(client, withKey(HttpRequest.GET("/api/v1/videos/eng-errors/engagement?windowMs=" + bad)), 400);
        }
        assertThat((List<?>) getJson(client, "/api/v1/videos/eng-errors/engagement?windowMs=2000").get("windows"))
                .hasSize(45);
        assertThat((List<?>) getJson(client, "/api/v1/videos/eng-errors/engagement?windowMs=600000").get("windows"))
                .hasSize(1);
        problem(client, withKey(HttpRequest.GET("/api/v1/videos/nope/engagement")), 404);
        problem(client, HttpRequest.GET("/api/v1/videos/eng-errors/engagement"), 401);
        problem(client, HttpRequest.GET("/api/v1/videos/eng-errors/engagement").header("X-API-Key", "wrong"), 401);
    }

    private Map<String, Object> store(String v, LectureSignals lecture) {
        recreate(v, "lecture.mp4");
        lecture.segments(v).forEach(materializer::apply);
        return getJson(client, "/api/v1/videos/" + v + "/engagement");
    }

    /** The target component moves by more than 0.1 in {@code direction}, the score too; the others by under 0.05. */
    private static void expectOnlyChange(Map<String, Double> base, Map<String, Double> variant, String target,
                                         int direction) {
        assertThat(direction * (variant.get(target) - base.get(target))).as(target).isGreaterThan(0.1);
        assertThat(direction * (variant.get("score") - base.get("score"))).as("score when %s changes", target)
                .isGreaterThan(0.01);
        for (String other : COMPONENTS) {
            if (!other.equals(target)) {
                assertThat(variant.get(other)).as("%s when %s changes", other, target)
                        .isCloseTo(base.get(other), within(0.05));
            }
        }
    }

    /** The mean of the score and of each component over the windows where it is not null. */
    private static Map<String, Double> means(Map<String, Object> doc) {
        var out = new LinkedHashMap<String, Double>();
        var names = new ArrayList<>(COMPONENTS);
        names.add("score");
        for (String name : names) {
            out.put(name, windows(doc).stream()
                    .map(w -> name.equals("score") ? w.get("score") : ((Map<?, ?>) w.get("components")).get(name))
                    .filter(x -> x != null).mapToDouble(x -> ((Number) x).doubleValue()).average().stream()
                    .boxed().findFirst().orElse(null));
        }
        return out;
    }

    private static List<Map<String, Object>> windows(Map<String, Object> doc) {
        return (List<Map<String, Object>>) doc.get("windows");
    }

    private static Map<String, Double> components(Map<String, Object> window) {
        var out = new LinkedHashMap<String, Double>();
        ((Map<String, Object>) window.get("components")).forEach((k, v) -> out.put(k,
                v == null ? null : ((Number) v).doubleValue()));
        return out;
    }

    private static double score(Map<String, Object> window) {
        return ((Number) window.get("score")).doubleValue();
    }

    private static List<Map<String, Object>> flags(Map<String, Object> doc, String code) {
        return ((List<Map<String, Object>>) doc.get("flags")).stream().filter(f -> code.equals(f.get("code"))).toList();
    }
}
