package io.cuepoint.api.web;

import io.cuepoint.api.ApiTestBase;
import io.cuepoint.api.Records;
import io.cuepoint.api.TestKafka;
import io.cuepoint.api.materialize.EventMaterializer;
import io.cuepoint.api.store.Database;
import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.ingest.wire.JobRequest;
import io.cuepoint.ingest.wire.WireJson;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.cuepoint.api.Records.event;
import static io.cuepoint.api.Records.instant;
import static io.cuepoint.api.Records.segment;
import static io.cuepoint.api.web.Http.getJson;
import static io.cuepoint.api.web.Http.parse;
import static io.cuepoint.api.web.Http.problem;
import static io.cuepoint.api.web.Http.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The REST api against the real PostgreSQL and a real Kafka broker. */
@MicronautTest
class VideoApiTest extends ApiTestBase {
    private static final byte[] VIDEO = "not really an mp4, but bytes all the same".getBytes();
    private static final long MAX_UPLOAD = 64 * 1024;

    @Inject
    @Client("/")
    HttpClient httpClient;
    @Inject
    EventMaterializer materializer;
    @Inject
    Database db;

    private final Path serverFiles = dataDir.resolve("server-files");
    private final Map<String, JobRequest> jobs = new ConcurrentHashMap<>();
    private KafkaConsumer<String, byte[]> jobConsumer;
    private BlockingHttpClient client;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "cuepoint.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                "cuepoint.allow-server-paths", "true",
                "cuepoint.server-path-roots", serverFiles.toString(),
                "cuepoint.max-upload-bytes", Long.toString(MAX_UPLOAD));
    }

    @BeforeAll
    void setUp() throws Exception {
        client = httpClient.toBlocking();
        Files.createDirectories(serverFiles);
        jobConsumer = TestKafka.jobsConsumer();
    }

    @AfterAll
    void tearDown() {
        jobConsumer.close();
    }

    @Test
    void everyApiEndpointRequiresAKey() {
        var none = problem(client, HttpRequest.GET("/api/v1/videos"), 401);
        assertThat((String) none.get("detail")).contains("X-API-Key");
        var wrong = problem(client, HttpRequest.GET("/api/v1/videos").header("X-API-Key", "nope"), 401);
        assertThat(wrong).containsEntry("instance", "/api/v1/videos");
        problem(client, HttpRequest.GET("/api/v1/videos").bearerAuth(KEY + "x"), 401);

        assertThat(client.exchange(withKey(HttpRequest.GET("/api/v1/videos")), String.class).code())
                .isEqualTo(200);
        assertThat(client.exchange(HttpRequest.GET("/api/v1/videos").bearerAuth(OTHER_KEY), String.class)
                .code()).isEqualTo(200);
        assertThat(client.exchange(HttpRequest.GET("/health"), String.class).code()).isEqualTo(200);
    }

    @Test
    void uploadStoresTheFileQueuesAJobAndAnswers202() throws Exception {
        var response = client.exchange(withKey(HttpRequest.POST("/api/v1/videos", MultipartBody.builder()
                .addPart("file", "../My Lecture (1).mp4", MediaType.of("video/mp4"), VIDEO).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), String.class);

        assertThat(response.code()).isEqualTo(202);
        Map<String, Object> video = parse(response.body());
        String id = (String) video.get("id");
        assertThat(response.header("Location")).isEqualTo("/api/v1/videos/" + id);
        assertThat(video).containsEntry("status", "QUEUED").containsEntry("filename", "My_Lecture__1_.mp4");
        Path stored = mediaDir().resolve(id).resolve("My_Lecture__1_.mp4");
        assertThat(stored).hasBinaryContent(VIDEO);

        JobRequest job = awaitJob(id);
        assertThat(job.source()).isEqualTo(stored.toAbsolutePath().toString());
        assertThat(job.schema()).isEqualTo(JobRequest.SCHEMA);
        assertThat(getJson(client, "/api/v1/videos/" + id)).containsEntry("status", "QUEUED");
    }

    @Test
    void emptyAndTooLargeUploadsAreRejected() {
        problem(client, withKey(HttpRequest.POST("/api/v1/videos", MultipartBody.builder()
                .addPart("file", "empty.mp4", MediaType.of("video/mp4"), new byte[0]).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), 400);
        problem(client, withKey(HttpRequest.POST("/api/v1/videos", MultipartBody.builder()
                .addPart("file", "big.mp4", MediaType.of("video/mp4"), new byte[(int) MAX_UPLOAD * 2]).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), 413);
    }

    @Test
    void serverPathsMustBeAbsoluteExistingAndUnderARoot() throws Exception {
        Path file = Files.write(serverFiles.resolve("ward-round.mp4"), VIDEO);
        var accepted = client.exchange(withKey(HttpRequest.POST("/api/v1/videos", Map.of("path", file.toString()))),
                String.class);
        assertThat(accepted.code()).isEqualTo(202);
        String id = (String) parse(accepted.body()).get("id");
        assertThat(awaitJob(id).source()).isEqualTo(file.toRealPath().toString());

        Path outside = Files.write(dataDir.resolve("outside.mp4"), VIDEO);
        assertThat(problem(client, pathRequest(outside.toString()), 403).get("detail").toString())
                .contains("cuepoint.server-path-roots");
        assertThat(problem(client, pathRequest(serverFiles.resolve("../outside.mp4").toString()), 403)).isNotNull();
        Path link = Files.createSymbolicLink(serverFiles.resolve("escape.mp4"), outside);
        problem(client, pathRequest(link.toString()), 403);
        assertThat(problem(client, pathRequest(serverFiles.resolve("missing.mp4").toString()), 404)
                .get("detail").toString()).contains("missing.mp4");
        problem(client, pathRequest("relative/file.mp4"), 400);
        problem(client, pathRequest(serverFiles.toString()), 400);
        problem(client, withKey(HttpRequest.POST("/api/v1/videos", Map.of("path", " "))), 400);
        problem(client, withKey(HttpRequest.POST("/api/v1/videos", "{\"path\": ").contentType(MediaType.APPLICATION_JSON)), 400);
    }

    @Test
    void unknownVideosAndBadParametersAreProblems() {
        var notFound = problem(client, withKey(HttpRequest.GET("/api/v1/videos/nope")), 404);
        assertThat(notFound.get("detail").toString()).contains("nope");
        problem(client, withKey(HttpRequest.GET("/api/v1/videos/nope/timeline")), 404);
        problem(client, withKey(HttpRequest.GET("/api/v1/videos/nope/events")), 404);
        problem(client, withKey(HttpRequest.DELETE("/api/v1/videos/nope")), 404);
        problem(client, withKey(HttpRequest.GET("/api/v1/videos?cursor=garbage")), 400);
        problem(client, withKey(HttpRequest.GET("/api/v1/videos?limit=0")), 400);
        problem(client, withKey(HttpRequest.GET("/api/v1/videos?limit=abc")), 400);
    }

    @Test
    void eventsFilterAndPageWithoutGapsOrDuplicates() {
        String id = upload("filters.mp4");
        var all = new ArrayList<io.cuepoint.analyzer.wire.Event>();
        for (int i = 0; i < 11; i++) {
            all.add(instant(id, i % 2 == 0 ? "shot.cut" : "slide.change", i * 1_000L, 0.5 + i * 0.04));
        }
        all.add(instant(id, "shot.cut", 5_000, 0.99)); // same start as another event: the id breaks the tie
        all.add(event(id, "motion.active", null, 2_500, 7_500, 0.7, Map.of(), null));
        materializer.apply(segment(id, 0, all));

        var ids = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var page = getJson(client, "/api/v1/videos/" + id + "/events?limit=4"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            ((List<Map<String, Object>>) page.get("items")).forEach(e -> ids.add((String) e.get("id")));
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(4);
        assertThat(ids).doesNotHaveDuplicates().hasSize(13)
                .containsExactlyInAnyOrderElementsOf(all.stream().map(e -> e.id()).toList());
        assertThat(ids.subList(0, 3)).containsExactly(all.get(0).id(), all.get(1).id(), all.get(2).id());

        var first = getJson(client, "/api/v1/videos/" + id + "/events?limit=1");
        var item = ((List<Map<String, Object>>) first.get("items")).get(0);
        assertThat(item).containsKeys("id", "videoId", "type", "startMs", "endMs", "startFrame", "endFrame",
                "confidence", "producer").doesNotContainKeys("fragment", "schema");

        assertThat(types(id, "type=slide.change")).containsOnly("slide.change").hasSize(5);
        assertThat(types(id, "type=slide.change&type=motion.active")).hasSize(6);
        assertThat(types(id, "type=slide.change,motion.active")).hasSize(6);
        // Overlap: [3000, 4000] catches the cuts/slides at 3 s and 4 s and the motion interval 2.5 s - 7.5 s.
        assertThat(types(id, "from=3000&to=4000")).containsExactly("motion.active", "slide.change", "shot.cut");
        assertThat(types(id, "minConfidence=0.9")).hasSize(2);
        problem(client, withKey(HttpRequest.GET("/api/v1/videos/" + id + "/events?minConfidence=2")), 400);
        problem(client, withKey(HttpRequest.GET("/api/v1/videos/" + id + "/events?cursor=Zm9v")), 400);
    }

    @Test
    void timelineGroupsEventsByTypeInTimeOrder() {
        String id = upload("timeline.mp4");
        materializer.apply(Records.started(id));
        materializer.apply(segment(id, 1, List.of(instant(id, "shot.cut", 40_000, 0.9),
                event(id, "motion.active", null, 31_000, 60_000, 0.6, Map.of(), new Fragment(1, false, true)))));
        materializer.apply(segment(id, 0, List.of(instant(id, "shot.cut", 12_000, 0.8))));

        var timeline = getJson(client, "/api/v1/videos/" + id + "/timeline");
        var video = (Map<String, Object>) timeline.get("video");
        assertThat(video).containsEntry("id", id).containsEntry("status", "ANALYZING");
        assertThat((Map<String, Object>) video.get("media")).containsEntry("videoCodec", "h264")
                .containsEntry("width", 1280).containsEntry("hasAudio", true);
        var tracks = (List<Map<String, Object>>) timeline.get("tracks");
        assertThat(tracks).extracting(t -> t.get("type")).containsExactly("motion.active", "shot.cut");
        var cuts = (List<Map<String, Object>>) tracks.get(1).get("events");
        assertThat(cuts).extracting(e -> e.get("startMs")).containsExactly(12_000, 40_000);
        assertThat((List<?>) timeline.get("spatialTracks")).isEmpty(); // nothing tracked
    }

    @Test
    void deleteRemovesRowsAndMedia() {
        String id = upload("delete-me.mp4");
        materializer.apply(segment(id, 0, List.of(instant(id, "shot.cut", 1_000, 0.9),
                event(id, "motion.active", null, 20_000, 30_000, 0.6, Map.of(), new Fragment(0, false, true)))));
        assertThat(rows(id)).isEqualTo(5); // video, segment, fragment, the cut and the motion event
        assertThat(mediaDir().resolve(id)).isDirectory();

        var response = client.exchange(withKey(HttpRequest.DELETE("/api/v1/videos/" + id)), String.class);
        assertThat(response.code()).isEqualTo(204);
        assertThat(rows(id)).isZero();
        assertThat(mediaDir().resolve(id)).doesNotExist();
        problem(client, withKey(HttpRequest.GET("/api/v1/videos/" + id)), 404);
    }

    @Test
    void videosArePagedNewestFirst() {
        var created = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            created.add(upload("page-" + i + ".mp4"));
        }
        var seen = new ArrayList<String>();
        String cursor = null;
        do {
            var page = getJson(client, "/api/v1/videos?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            ((List<Map<String, Object>>) page.get("items")).forEach(v -> seen.add((String) v.get("id")));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates();
        var newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsSubsequence(newestFirst);
    }

    @Test
    void openApiIsServed() {
        String spec = client.retrieve(HttpRequest.GET("/swagger/cuepoint.yml"), String.class);
        assertThat(spec).contains("openapi:", "/api/v1/videos/{id}/events", "X-API-Key", "Problem");
    }

    private String upload(String name) {
        var response = client.exchange(withKey(HttpRequest.POST("/api/v1/videos", MultipartBody.builder()
                .addPart("file", name, MediaType.of("video/mp4"), VIDEO).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), String.class);
        return (String) parse(response.body()).get("id");
    }

    private List<Object> types(String id, String query) {
        var page = getJson(client, "/api/v1/videos/" + id + "/events?" + query);
        return ((List<Map<String, Object>>) page.get("items")).stream().map(e -> e.get("type")).toList();
    }

    private HttpRequest<?> pathRequest(String path) {
        return withKey(HttpRequest.POST("/api/v1/videos", Map.of("path", path)));
    }

    private long rows(String id) {
        return db.read("count", c -> {
            try (var ps = c.prepareStatement("SELECT (SELECT count(*) FROM videos WHERE id = ?) "
                    + "+ (SELECT count(*) FROM segments WHERE video_id = ?) "
                    + "+ (SELECT count(*) FROM fragments WHERE video_id = ?) "
                    + "+ (SELECT count(*) FROM events WHERE video_id = ?)")) {
                for (int i = 1; i <= 4; i++) {
                    ps.setString(i, id);
                }
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private JobRequest awaitJob(String videoId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            jobConsumer.poll(Duration.ofMillis(200))
                    .forEach(r -> jobs.put(r.key(), WireJson.read(r.value(), JobRequest.class)));
            return jobs.containsKey(videoId);
        });
        return jobs.get(videoId);
    }
}
