package io.cuepoint.api.web;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.EventIds;
import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.analyzer.wire.Producer;
import io.cuepoint.api.Records;
import io.cuepoint.api.store.StoredVideos;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.cuepoint.api.web.Http.getJson;
import static io.cuepoint.api.web.Http.problem;
import static io.cuepoint.api.web.Http.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code /skills} over HTTP on crafted skills events of two 30 s segments. The left hand moves at 5-8 s and from
 * 25 s to 32 s (across the boundary: two fragments), the right hand from 27 s to 31 s (likewise), so the two
 * hands' fragments are open at the boundary at the same time.
 */
@MicronautTest
class SkillsApiTest extends HttpApiTestBase {

    @Test
    void perHandMetricsSumOverSegmentsAndMovementsCountMergedIntervals() {
        String v = analysedVideo();

        var skills = getJson(client, "/api/v1/videos/" + v + "/skills");

        assertThat(skills).containsEntry("videoId", v);
        var hands = (Map<String, Map<String, Object>>) skills.get("hands");
        var left = hands.get("left");
        assertThat(number(left, "pathLength")).isCloseTo(0.8, within(1e-4));
        assertThat(number(left, "trackedMs")).isEqualTo(60_000);
        assertThat(number(left, "meanSpeed")).isCloseTo(0.8 / 60, within(1e-4));
        assertThat(number(left, "peakSpeed")).isEqualTo(0.2);
        assertThat(number(left, "idleShare")).isCloseTo(0.7, within(1e-4));
        // 5-8 s, and 25-32 s counted once although two segments reported parts of it.
        assertThat(number(left, "movementCount")).isEqualTo(2);
        var right = hands.get("right");
        assertThat(number(right, "pathLength")).isCloseTo(0.2, within(1e-4));
        assertThat(number(right, "trackedMs")).isEqualTo(50_000);
        assertThat(number(right, "meanSpeed")).isCloseTo(0.2 / 50, within(1e-4));
        assertThat(number(right, "peakSpeed")).isEqualTo(0.05);
        assertThat(number(right, "idleShare")).isCloseTo(0.93, within(1e-4));
        assertThat(number(right, "movementCount")).isEqualTo(1);
        assertThat(number(skills, "balance")).isEqualTo(0.25);

        var segments = (List<Map<String, Object>>) skills.get("segments");
        assertThat(segments).extracting(s -> List.of(s.get("startMs"), s.get("endMs"), s.get("source")))
                .containsExactly(List.of(0, 30_000, "pose"), List.of(30_000, 60_000, "pose"));
        assertThat(number(segments.get(0), "balance")).isEqualTo(0.2727);
        var firstLeft = ((Map<String, Map<String, Object>>) segments.get(0).get("hands")).get("left");
        assertThat(number(firstLeft, "movementCount")).isEqualTo(2);
        assertThat(number(firstLeft, "pathLength")).isEqualTo(0.55);
    }

    @Test
    void fragmentsOfBothHandsMergeEachWithItsOwnPeakAsMaximumAndPathAsSum() {
        String v = analysedVideo();

        var events = (List<Map<String, Object>>) getJson(client, "/api/v1/videos/" + v
                + "/events?type=hand.active").get("items");

        assertThat(events).extracting(e -> List.of(((Map<?, ?>) e.get("attributes")).get("hand"), e.get("startMs"),
                e.get("endMs"))).containsExactlyInAnyOrder(List.of("left", 5_000, 8_000),
                List.of("left", 25_000, 32_000), List.of("right", 27_000, 31_000));
        var merged = events.stream().filter(e -> ((Number) e.get("startMs")).longValue() == 25_000).findFirst()
                .orElseThrow();
        var attributes = (Map<String, Object>) merged.get("attributes");
        assertThat(number(attributes, "peakSpeed")).isEqualTo(0.2);
        assertThat(number(attributes, "pathLength")).isCloseTo(0.4, within(1e-9));
        // 0.3 over 5 s and 0.1 over 2 s: the time-weighted mean speed is the whole path over the whole time.
        assertThat(number(attributes, "meanSpeed")).isCloseTo(0.4 / 7, within(1e-4));
    }

    @Test
    void aVideoWithoutSkillsEventsHasNoHandsAndUnknownVideosAre404AndTheKeyIsNeeded() {
        String v = StoredVideos.insert(db, videos, "plain.mp4");
        materializer.apply(Records.started(v));
        var skills = getJson(client, "/api/v1/videos/" + v + "/skills");
        assertThat((Map<?, ?>) skills.get("hands")).isEmpty();
        assertThat((List<?>) skills.get("segments")).isEmpty();
        assertThat(skills.get("balance")).isNull();

        problem(client, withKey(HttpRequest.GET("/api/v1/videos/no-such-video/skills")), 404);
        problem(client, HttpRequest.GET("/api/v1/videos/" + v + "/skills"), 401);
    }

    // ---- the crafted video

    private String analysedVideo() {
        String v = StoredVideos.insert(db, videos, "suturing.mp4");
        materializer.apply(Records.started(v));
        // Segment 1 first: the result must not depend on the arrival order.
        materializer.apply(Records.segment(v, 1, List.of(
                active(v, "left", 30_000, 32_000, 0.1, 0.2, new Fragment(1, true, false)),
                active(v, "right", 30_000, 31_000, 0.05, 0.04, new Fragment(1, true, false)),
                summary(v, 30_000, side(0.25, 0.2, 0.8, 1, 30_000), side(0.05, 0.04, 0.95, 1, 30_000), 0.2))));
        materializer.apply(Records.segment(v, 0, List.of(
                active(v, "left", 5_000, 8_000, 0.2, 0.1, null),
                active(v, "left", 25_000, 30_000, 0.3, 0.12, new Fragment(0, false, true)),
                active(v, "right", 27_000, 30_000, 0.1, 0.05, new Fragment(0, false, true)),
                summary(v, 0, side(0.55, 0.12, 0.6, 2, 30_000), side(0.15, 0.05, 0.9, 1, 20_000), 0.2727))));
        return v;
    }

    private static Event active(String v, String hand, long startMs, long endMs, double path, double peak,
                                Fragment fragment) {
        var attributes = new LinkedHashMap<String, Object>();
        attributes.put("hand", hand);
        attributes.put("pathLength", path);
        attributes.put("meanSpeed", path * 1000 / (endMs - startMs));
        attributes.put("peakSpeed", peak);
        return new Event(Event.SCHEMA, EventIds.of(v, "skills", "hand.active", startMs / 40, "hand:" + hand), v,
                "hand.active", startMs, endMs, startMs / 40, endMs / 40 - 1, 0.9, null, null, null, attributes,
                new Producer("1.0.0", "skills", null), fragment);
    }

    private static Event summary(String v, long startMs, Map<String, Object> left, Map<String, Object> right,
                                 double balance) {
        return Records.event(v, "skills.segment", null, startMs, startMs + Records.SEGMENT_MS, 1,
                Map.of("left", left, "right", right, "balance", balance, "source", "pose"), null);
    }

    private static Map<String, Object> side(double path, double peak, double idleShare, int movements, long trackedMs) {
        return Map.of("pathLength", path, "meanSpeed", path * 1000 / trackedMs, "peakSpeed", peak,
                "idleShare", idleShare, "movementCount", movements, "trackedMs", trackedMs);
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}
