package io.cuepoint.api.web;

import io.cuepoint.analyzer.wire.SegmentEvents;
import io.cuepoint.api.Records;
import io.cuepoint.api.TrackedScene;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.cuepoint.api.TrackedScene.ms;
import static io.cuepoint.api.web.Http.getJson;
import static io.cuepoint.api.web.Http.problem;
import static io.cuepoint.api.web.Http.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/** Tracks over HTTP: the timeline's spatialTracks, the events' track filter, and arrival-order independence. */
@MicronautTest
class TrackApiTest extends HttpApiTestBase {
    @Test
    void theTimelineIsByteIdenticalWhateverOrderTheSegmentsArrivedIn() {
        String v = "classroom-orders";
        String expected = null;
        String expectedEvents = null;
        for (int[] order : new int[][] {{0, 1, 2}, {2, 1, 0}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}}) {
            recreate(v, "classroom.mp4");
            // Decoding completes first, so the last segment to arrive completes the video.
            materializer.apply(Records.completed(v, 3));
            List<SegmentEvents> segments = TrackedScene.classroom(v).segments();
            for (int i : order) {
                materializer.apply(segments.get(i));
            }
            String timeline = client.retrieve(withKey(HttpRequest.GET("/api/v1/videos/" + v + "/timeline")));
            String events = client.retrieve(withKey(HttpRequest.GET("/api/v1/videos/" + v
                    + "/events?track=person-s0-1&limit=1000")));
            if (expected == null) {
                expected = timeline;
                expectedEvents = events;
            }
            assertThat(timeline).as("order %s", Arrays.toString(order)).isEqualTo(expected);
            assertThat(events).as("order %s", Arrays.toString(order)).isEqualTo(expectedEvents);
        }
        assertThat(expected).contains("\"spatialTracks\"", "person-s0-2", "\"status\":\"COMPLETED\"",
                "\"completedAt\":\"2026-01-05T10:01:02Z\"").doesNotContain("leadIn", "person-s1-",
                "person-s2-", "face-s1-", "object-s2-");
    }

    @Test
    void theTimelineListsTracksAndKeepsItsTypeGroups() {
        String v = "classroom-timeline";
        recreate(v, "classroom.mp4");
        TrackedScene.classroom(v).segments().forEach(materializer::apply);

        var timeline = getJson(client, "/api/v1/videos/" + v + "/timeline");
        var byType = (List<Map<String, Object>>) timeline.get("tracks");
        assertThat(byType).extracting(t -> t.get("type")).containsExactly("face.detected", "face.expression",
                "face.present", "object.detected", "object.present", "person.pose", "person.present");
        var tracks = (List<Map<String, Object>>) timeline.get("spatialTracks");
        assertThat(tracks).extracting(t -> t.get("id")).containsExactly("face-s0-1", "object-s0-1", "person-s0-1",
                "person-s0-2");
        assertThat(tracks.get(1)).containsExactlyInAnyOrderEntriesOf(Map.of("id", "object-s0-1", "kind", "object",
                "label", "laptop", "startMs", (int) ms(49), "endMs", (int) ms(2249), "sampleCount", 45,
                "types", List.of("object.detected", "object.present")));
        assertThat(tracks.get(3)).containsEntry("endMs", (int) ms(1449)).containsEntry("sampleCount", 29);
        assertThat(tracks.get(0).get("types")).isEqualTo(List.of("face.detected", "face.expression", "face.present"));
    }

    @Test
    void eventsFilterByTrackAndPageThroughIt() {
        String v = "classroom-filter";
        recreate(v, "classroom.mp4");
        TrackedScene.classroom(v).segments().forEach(materializer::apply);

        var ids = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var page = getJson(client, "/api/v1/videos/" + v + "/events?track=person-s0-2&limit=7"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            for (Map<String, Object> e : (List<Map<String, Object>>) page.get("items")) {
                assertThat(e).containsEntry("track", "person-s0-2");
                ids.add((String) e.get("id"));
            }
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null);
        // B: 15 + 14 poses and one merged presence interval.
        assertThat(ids).doesNotHaveDuplicates().hasSize(30);
        assertThat(pages).isEqualTo(5);

        var present = (List<Map<String, Object>>) getJson(client, "/api/v1/videos/" + v
                + "/events?track=person-s0-2&type=person.present").get("items");
        assertThat(present).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("startMs", (int) ms(49)).containsEntry("endMs", (int) ms(1449)));
        assertThat((List<?>) getJson(client, "/api/v1/videos/" + v + "/events?track=person-s1-1").get("items"))
                .isEmpty();
        assertThat((List<?>) getJson(client, "/api/v1/videos/" + v + "/events?track=face-s0-1&from=30000&to=30000")
                .get("items")).hasSize(1); // face.present spans the boundary; no sample falls on 30 s
        problem(client, withKey(HttpRequest.GET("/api/v1/videos/nope/events?track=person-s0-1")), 404);
    }

    @Test
    void openApiDescribesTracks() {
        String spec = client.retrieve(HttpRequest.GET("/swagger/cuepoint.yml"), String.class);
        assertThat(spec).contains("spatialTracks", "SpatialTrack", "name: track", "person-s0-1");
    }
}
