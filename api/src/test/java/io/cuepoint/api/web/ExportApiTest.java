package io.cuepoint.api.web;

import static io.cuepoint.api.Records.event;
import static io.cuepoint.api.Records.instant;
import static io.cuepoint.api.Records.segment;
import static io.cuepoint.api.web.Http.getJson;
import static io.cuepoint.api.web.Http.problem;
import static io.cuepoint.api.web.Http.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exports of crafted videos (90 s, 25 fps): {@code x-slides} shows slides A [0, 10 s), B [10 s, 40 s), C [40 s,
 * 50 s) and A again [50 s, 90 s), plus shot cuts that chapters must ignore; {@code x-shots} has no slides, a cut at
 * 12 s and a dissolve from 30 s to 31 s: shots [0, 12 s), [12 s, 30 s), [31 s, 90 s).
 */
@MicronautTest
class ExportApiTest extends HttpApiTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TIMING = Pattern.compile(
            "(\\d{2,}):([0-5]\\d):([0-5]\\d)\\.(\\d{3}) --> (\\d{2,}):([0-5]\\d):([0-5]\\d)\\.(\\d{3})");

    record Cue(String id, long startMs, long endMs, String payload) {
    }

    @BeforeAll
    void craft() {
        recreate("x-slides", "lecture.mp4");
        var a = Map.<String, Object>of("buildCount", 0);
        materializer.apply(segment("x-slides", 0, List.of(
                event("x-slides", "slide.shown", null, 0, 10_000, 0.9, a, null),
                event("x-slides", "slide.shown", null, 10_000, 40_000, 0.9, a, null),
                instant("x-slides", "shot.cut", 10_000, 0.9))));
        materializer.apply(segment("x-slides", 1, List.of(
                event("x-slides", "slide.shown", null, 40_000, 50_000, 0.9, a, null),
                event("x-slides", "slide.shown", null, 50_000, 90_000, 0.9, a, null),
                event("x-slides", "speech.segment", null, 41_000, 45_000, 0.8,
                        Map.of("text", "arrows --> and blank\n\nlines"), null))));
        // Slide numbers as SlideNumbering writes them from keyframes (none here): the last slide returns to A.
        db.inTransaction("test", c -> {
            try (var s = c.createStatement()) {
                s.execute("UPDATE events SET json = jsonb_set(json, '{attributes,slideNumber}', '1') "
                        + "WHERE video_id = 'x-slides' AND type = 'slide.shown' AND start_ms = 50000");
            }
            return null;
        });

        recreate("x-shots", "clip.mp4");
        materializer.apply(segment("x-shots", 0, List.of(
                instant("x-shots", "shot.cut", 12_000, 0.95),
                event("x-shots", "shot.transition", null, 30_000, 31_000, 0.7, Map.of("kind", "dissolve"), null),
                event("x-shots", "person.present", "-2+3", 5_000, 8_000, 0.8,
                        Map.of("note", "a, \"quoted\"\nsecond line", "formula", "=SUM(A1:A2)"), null),
                event("x-shots", "person.present", "@cmd", 6_000, 9_000, 0.6, Map.of(), null))));
    }

    @Test
    void chaptersFollowTheSlidesAndEndAtTheNextSlideOrTheVideoEnd() {
        var response = get("/api/v1/videos/x-slides/exports/chapters.vtt");
        assertThat(response.header("Content-Type")).startsWith("text/vtt");
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"x-slides-chapters.vtt\"");
        var cues = parse(response.body());
        assertThat(cues).extracting(Cue::payload).containsExactly("Slide 1", "Slide 2", "Slide 3", "Slide 1");
        assertThat(cues).extracting(Cue::startMs).containsExactly(0L, 10_000L, 40_000L, 50_000L);
        assertThat(cues).extracting(Cue::endMs).containsExactly(10_000L, 40_000L, 50_000L, 90_000L);
    }

    @Test
    void withoutSlidesChaptersAreTheShots() {
        var cues = parse(get("/api/v1/videos/x-shots/exports/chapters.vtt").body());
        assertThat(cues).extracting(Cue::payload).containsExactly("Shot 1 (00:00)", "Shot 2 (00:12)", "Shot 3 (00:31)");
        assertThat(cues).extracting(Cue::startMs).containsExactly(0L, 12_000L, 31_000L);
        assertThat(cues).extracting(Cue::endMs).containsExactly(12_000L, 31_000L, 90_000L);
    }

    @Test
    void theMetadataTrackHoldsEveryEventAsJson() throws Exception {
        var cues = parse(get("/api/v1/videos/x-slides/exports/metadata.vtt").body());
        var events = items("/api/v1/videos/x-slides/events?limit=1000");
        assertThat(cues).hasSize(events.size()).hasSize(6);
        for (Cue cue : cues) {
            Map<String, Object> payload = JSON.readValue(cue.payload(), Map.class);
            assertThat(events).contains(payload);
            assertThat(payload.get("id")).isEqualTo(cue.id());
            long start = ((Number) payload.get("startMs")).longValue();
            long end = ((Number) payload.get("endMs")).longValue();
            assertThat(cue.startMs()).isEqualTo(start);
            // An instant lasts one frame at 25 fps.
            assertThat(cue.endMs()).isEqualTo(end == start ? start + 40 : end);
        }
        assertThat(cues).anySatisfy(c -> assertThat(c.payload()).contains("arrows --\\u003e and blank\\n\\nlines"));
    }

    @Test
    void jsonIsTheEventsArray() throws Exception {
        var response = get("/api/v1/videos/x-shots/exports/events.json");
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"x-shots-events.json\"");
        List<Map<String, Object>> exported = JSON.readValue(response.body(), List.class);
        assertThat(exported).isEqualTo(items("/api/v1/videos/x-shots/events?limit=1000")).hasSize(4);
    }

    @Test
    void csvRoundTripsThroughACsvReaderAndDisarmsFormulas() throws Exception {
        var response = get("/api/v1/videos/x-shots/exports/events.csv");
        assertThat(response.header("Content-Type")).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"x-shots-events.csv\"");
        var rows = new ArrayList<List<String>>();
        try (MappingIterator<List<String>> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(response.body())) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows.get(0)).containsExactly("id", "videoId", "type", "startMs", "endMs", "startFrame",
                "endFrame", "confidence", "track", "box", "attributes");
        var events = items("/api/v1/videos/x-shots/events?limit=1000");
        assertThat(rows).hasSize(events.size() + 1);
        for (int i = 0; i < events.size(); i++) {
            var row = rows.get(i + 1);
            var e = events.get(i);
            assertThat(row).hasSize(11);
            assertThat(row.get(0)).isEqualTo(e.get("id"));
            assertThat(row.get(2)).isEqualTo(e.get("type"));
            assertThat(Long.parseLong(row.get(3))).isEqualTo(((Number) e.get("startMs")).longValue());
            assertThat(Double.parseDouble(row.get(7))).isEqualTo(((Number) e.get("confidence")).doubleValue());
            assertThat(JSON.readValue(row.get(10), Map.class)).isEqualTo(e.getOrDefault("attributes", Map.of()));
            if (e.get("track") != null) {
                // Tracks here start with - and @: a spreadsheet would run them.
                assertThat(row.get(8)).isEqualTo("'" + e.get("track"));
            }
        }
        assertThat(rows).anySatisfy(r -> assertThat(r.get(10)).contains("a, \\\"quoted\\\"\\nsecond line"));
    }

    @Test
    void exportsOfAnUnknownVideoAre404AndNeedTheKey() {
        for (String file : List.of("chapters.vtt", "metadata.vtt", "events.json", "events.csv")) {
            problem(client, withKey(HttpRequest.GET("/api/v1/videos/nope/exports/" + file)), 404);
            problem(client, HttpRequest.GET("/api/v1/videos/x-shots/exports/" + file), 401);
        }
    }

    private HttpResponse<String> get(String uri) {
        return client.exchange(withKey(HttpRequest.GET(uri)), String.class);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(String uri) {
        return (List<Map<String, Object>>) getJson(client, uri).get("items");
    }

    /** A strict WebVTT reader: the header, then cues of identifier, timing and payload, starts never decreasing. */
    static List<Cue> parse(String vtt) {
        assertThat(vtt).doesNotContain("\r");
        String[] blocks = vtt.split("\n\n", -1);
        assertThat(blocks[0]).isEqualTo("WEBVTT");
        assertThat(vtt).endsWith("\n\n");
        var cues = new ArrayList<Cue>();
        long previousStart = -1;
        for (int b = 1; b < blocks.length - 1; b++) {
            String[] lines = blocks[b].split("\n", -1);
            assertThat(lines.length).as("cue %s", blocks[b]).isGreaterThanOrEqualTo(3);
            assertThat(lines[0]).isNotBlank().doesNotContain("-->");
            var m = TIMING.matcher(lines[1]);
            assertThat(m.matches()).as("timing line %s", lines[1]).isTrue();
            long start = ms(m, 1);
            long end = ms(m, 5);
            assertThat(end).as("cue %s", lines[0]).isGreaterThan(start);
            assertThat(start).isGreaterThanOrEqualTo(previousStart);
            previousStart = start;
            String payload = String.join("\n", java.util.Arrays.copyOfRange(lines, 2, lines.length));
            assertThat(payload).doesNotContain("-->");
            cues.add(new Cue(lines[0], start, end, payload));
        }
        assertThat(blocks[blocks.length - 1]).isEmpty();
        return cues;
    }

    private static long ms(java.util.regex.Matcher m, int group) {
        return Long.parseLong(m.group(group)) * 3_600_000 + Long.parseLong(m.group(group + 1)) * 60_000
                + Long.parseLong(m.group(group + 2)) * 1000 + Long.parseLong(m.group(group + 3));
    }
}
