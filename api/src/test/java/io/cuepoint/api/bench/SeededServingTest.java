package io.cuepoint.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.api.ApiTestBase;
import io.cuepoint.api.timeline.TimelineService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load benchmark's seed is data the api serves, and the api serves stored JSON as it is: the events and
 * timeline responses equal the parsed-and-serialized documents they replaced, on every seeded event shape.
 */
@MicronautTest
class SeededServingTest extends ApiTestBase {
    private static final int EVENTS = 6000;
    private static final int VIDEOS = 12;

    @Inject
    DataSource dataSource;
    @Inject
    TimelineService timelines;
    @Inject
    ObjectMapper mapper;
    @Inject
    @Client("/")
    HttpClient http;

    private List<Workload.BenchVideo> seeded;

    @BeforeAll
    void seed() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(EventSeeder.seeded(c, EVENTS, VIDEOS)).isFalse();
            EventSeeder.seed(c, EVENTS, VIDEOS);
            assertThat(EventSeeder.seeded(c, EVENTS, VIDEOS)).isTrue();
            Path file = Files.createTempFile(dataDir, "videos", ".tsv");
            EventSeeder.writeVideos(c, file);
            seeded = Workload.read(file);
        }
    }

    @Test
    void seedsTheAskedForEventsOverCompletedVideosOfEveryTenant() throws Exception {
        assertThat(seeded).hasSize(VIDEOS).allSatisfy(v -> assertThat(v.durationMs()).isBetween(1_200_000L, 5_400_000L));
        assertThat(seeded).extracting(Workload.BenchVideo::tenant).contains("default", "bench-north", "bench-south");
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT count(*), count(DISTINCT type), count(*) FILTER (WHERE e.end_ms > "
                    + "v.duration_ms OR e.start_ms > e.end_ms), min(v.status), max(v.status) "
                    + "FROM events e JOIN videos v ON v.id = e.video_id");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(EVENTS);
            assertThat(rs.getInt(2)).isEqualTo(EventSeeder.types().size());
            assertThat(rs.getLong(3)).as("events outside their video").isZero();
            assertThat(rs.getString(4)).isEqualTo("COMPLETED").isEqualTo(rs.getString(5));
        }
    }

    @Test
    void eventPagesServeTheStoredJsonAsTheEventResourcesWouldRead() throws Exception {
        for (Workload.BenchVideo v : seeded.subList(0, 4)) {
            String path = "/api/v1/videos/" + v.id() + "/events?from=600000&to=900000&limit=20";
            JsonNode served = get(path, v);
            JsonNode parsed = tree(timelines.events(v.id(), List.of(), null, 600_000L, 900_000L, null,
                    20, null));
            assertThat(served.get("items")).hasSize(20);
            assertThat(served.get("nextCursor").isTextual()).isTrue();
            assertThat(served).isEqualTo(parsed);
            JsonNode next = get(path + "&cursor=" + served.get("nextCursor").asText(), v);
            assertThat(next).isEqualTo(tree(timelines.events(v.id(), List.of(), null, 600_000L,
                    900_000L, null, 20, served.get("nextCursor").asText())));
        }
    }

    @Test
    void timelinesServeTheStoredJsonAsTheTimelineWouldRead() throws Exception {
        var shapes = new ArrayList<String>();
        for (Workload.BenchVideo v : seeded.subList(0, 3)) {
            JsonNode served = get("/api/v1/videos/" + v.id() + "/timeline", v);
            JsonNode parsed = tree(timelines.timeline(v.id()));
            assertThat(served.get("spatialTracks")).isNotEmpty();
            assertThat(served).isEqualTo(parsed);
            served.get("tracks").forEach(t -> shapes.add(t.get("type").asText()));
        }
        assertThat(shapes).containsAll(EventSeeder.types());
    }

    /** Through text, so that numbers compare by value as a client reads them, not by the Java type they had. */
    private JsonNode tree(Object value) throws Exception {
        return mapper.readTree(mapper.writeValueAsString(value));
    }

    /** As the video's tenant, with the stored key the seeder made for it. */
    private JsonNode get(String path, Workload.BenchVideo video) throws Exception {
        return mapper.readTree(http.toBlocking().retrieve(HttpRequest.GET(path)
                .header("X-API-Key", EventSeeder.apiKey(video.tenant()))));
    }
}
