package io.cuepoint.api.web;

import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.SegmentEvents;
import io.cuepoint.api.Records;
import io.cuepoint.api.store.StoredVideos;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.cuepoint.api.web.Http.getJson;
import static io.cuepoint.api.web.Http.parse;
import static io.cuepoint.api.web.Http.problem;
import static io.cuepoint.api.web.Http.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heatmaps and regions over HTTP on crafted motion grids. The video: three 30 s segments, a grid of 8 × 6 cells
 * sampled every 500 ms. Something moves in the top-left 2 × 2 cells (share 200/255) from 5 s to 15 s and in the
 * bottom-right 2 × 2 cells from 35 s to 45 s; nothing moves elsewhere. A cut at 20 s and a dissolve from 50 s to
 * 52 s make three shots: [0, 20 s), [20 s, 50 s), [52 s, 90 s).
 */
@MicronautTest
class MotionApiTest extends HttpApiTestBase {
    private static final int COLS = 8;
    private static final int ROWS = 6;
    private static final long STEP = 500;
    private static final double HOT = 200 / 255.0;

    @Test
    void heatmapPerShotSplitsAtTheCutAndLeavesTheDissolveOut() {
        String v = analysedVideo();

        var shots = (List<Map<String, Object>>) getJson(client, "/api/v1/videos/" + v + "/heatmaps").get("shots");

        assertThat(shots).extracting(s -> List.of(s.get("shot"), s.get("startMs"), s.get("endMs"), s.get("samples")))
                .containsExactly(List.of(0, 0, 20_000, 40), List.of(1, 20_000, 50_000, 60),
                        List.of(2, 52_000, 90_000, 76));
        var first = shots.get(0);
        assertThat(first).containsEntry("cols", COLS).containsEntry("rows", ROWS);
        var cells = (List<Double>) first.get("cells");
        assertThat(cells).hasSize(COLS * ROWS);
        // Moving in 20 of the shot's 40 samples.
        assertThat(cells.get(0)).isCloseTo(HOT / 2, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(cells.get(COLS + 1)).isEqualTo(cells.get(0));
        assertThat(cells.get(COLS * ROWS - 1)).isZero();
        assertThat((Map<String, Object>) first.get("peak")).containsEntry("col", 0).containsEntry("row", 0)
                .containsEntry("box", Map.of("left", 0.0, "top", 0.0, "right", 0.125, "bottom", 0.1667));
        var second = (List<Double>) shots.get(1).get("cells");
        assertThat(second.get(0)).isZero();
        assertThat(second.get(COLS * ROWS - 1)).isCloseTo(HOT / 3, org.assertj.core.data.Offset.offset(1e-4));
        assertThat((Map<String, Object>) shots.get(1).get("peak")).containsEntry("col", 6).containsEntry("row", 4);
        assertThat((List<Double>) shots.get(2).get("cells")).allSatisfy(c -> assertThat(c).isZero());
    }

    @Test
    void heatmapPngShowsTheBusyCornerBright() throws Exception {
        String v = analysedVideo();

        var response = client.exchange(withKey(HttpRequest.GET("/api/v1/videos/" + v + "/heatmaps/0.png?scale=4")),
                byte[].class);
        assertThat(response.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("image/png"));
        var image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image.getWidth()).isEqualTo(COLS * 4);
        assertThat(image.getHeight()).isEqualTo(ROWS * 4);
        int busy = image.getRGB(1, 1) & 0xffffff;
        int still = image.getRGB(COLS * 4 - 2, ROWS * 4 - 2) & 0xffffff;
        assertThat(brightness(busy)).isGreaterThan(600);
        assertThat(brightness(still)).isLessThan(10);

        problem(client, withKey(HttpRequest.GET("/api/v1/videos/" + v + "/heatmaps/3.png")), 404);
        problem(client, withKey(HttpRequest.GET("/api/v1/videos/" + v + "/heatmaps/x.png")), 404);
        problem(client, withKey(HttpRequest.GET("/api/v1/videos/" + v + "/heatmaps/0.png?scale=0")), 400);
    }

    @Test
    void regionOverTheMovingObjectIsActiveWhileItMovesAndOneElsewhereStaysIdle() {
        String v = analysedVideo();
        put(v, "bench", 0, 0, 0.25, 2 / 6.0);
        put(v, "door", 0.75, 4 / 6.0, 1, 1);
        put(v, "wall", 0.3, 0.3, 0.7, 0.6);

        var bench = getJson(client, "/api/v1/videos/" + v + "/regions/bench/motion?smoothing=1");
        var series = (List<Map<String, Object>>) bench.get("series");
        assertThat(series).hasSize(180);
        assertThat(series.get(10)).isEqualTo(Map.of("ptsMs", 5_000, "frame", 125, "share", 0.7843));
        assertThat(series.get(9)).containsEntry("share", 0.0);
        assertThat(intervals(bench)).containsExactly(
                List.of("region.idle", 0, 5_000, 0, 124), List.of("region.active", 5_000, 15_000, 125, 374),
                List.of("region.idle", 15_000, 90_000, 375, 2249));
        assertThat(bench).containsEntry("thresholds", Map.of("activeOn", 0.05, "activeOff", 0.02, "smoothing", 1));

        // The default smoothing (3 samples) widens the active interval by one sample on each side.
        assertThat(intervals(getJson(client, "/api/v1/videos/" + v + "/regions/bench/motion")))
                .extracting(i -> i.subList(0, 3)).containsExactly(List.of("region.idle", 0, 4_500),
                        List.of("region.active", 4_500, 15_500), List.of("region.idle", 15_500, 90_000));
        assertThat(intervals(getJson(client, "/api/v1/videos/" + v + "/regions/door/motion?smoothing=1")))
                .extracting(i -> i.get(0)).containsExactly("region.idle", "region.active", "region.idle");
        assertThat(intervals(getJson(client, "/api/v1/videos/" + v + "/regions/door/motion?smoothing=1")).get(1))
                .isEqualTo(List.of("region.active", 35_000, 45_000, 875, 1124));
        assertThat(intervals(getJson(client, "/api/v1/videos/" + v + "/regions/wall/motion")))
                .containsExactly(List.of("region.idle", 0, 90_000, 0, 2249));
        // A threshold above the object's share keeps the bench idle.
        assertThat(intervals(getJson(client, "/api/v1/videos/" + v + "/regions/bench/motion?activeOn=0.9&activeOff=0.5")))
                .extracting(i -> i.get(0)).containsExactly("region.idle");
    }

    @Test
    void aRegionPartlyOverAHotCellCountsItByOverlap() {
        String v = analysedVideo();
        // Half of cell (1, 0), which moves, and half of cell (2, 0), which does not.
        put(v, "half", 0.1875, 0, 0.3125, 1 / 6.0);

        var series = (List<Map<String, Object>>) getJson(client, "/api/v1/videos/" + v
                + "/regions/half/motion").get("series");
        assertThat(series.get(10)).containsEntry("share", Math.round(HOT / 2 * 10_000) / 10_000.0);
    }

    @Test
    void regionsDefinedBeforeTheAnalysisMeasureOnceTheGridsArrive() {
        String v = StoredVideos.insert(db, videos, "later.mp4");
        materializer.apply(Records.started(v));
        assertThat(put(v, "bench", 0, 0, 0.25, 2 / 6.0).code()).isEqualTo(201);
        var before = getJson(client, "/api/v1/videos/" + v + "/regions/bench/motion");
        assertThat((List<?>) before.get("series")).isEmpty();
        assertThat((List<?>) before.get("intervals")).isEmpty();

        applySegments(v);

        assertThat(intervals(getJson(client, "/api/v1/videos/" + v + "/regions/bench/motion?smoothing=1")))
                .extracting(i -> i.get(0)).containsExactly("region.idle", "region.active", "region.idle");
    }

    @Test
    void regionsAreListedReplacedDeletedAndGoWithTheVideo() {
        String v = analysedVideo();
        var created = put(v, "zone-b", 0.5, 0.5, 0.9, 0.9);
        assertThat(created.code()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/videos/" + v + "/regions/zone-b");
        assertThat(put(v, "Zone_A", 0.1, 0.1, 0.2, 0.2).code()).isEqualTo(201);
        var replaced = put(v, "zone-b", 0.6, 0.5, 0.9, 0.9);
        assertThat(replaced.code()).isEqualTo(200);
        assertThat(parse(replaced.body())).containsEntry("box",
                Map.of("left", 0.6, "top", 0.5, "right", 0.9, "bottom", 0.9)).containsKeys("createdAt", "updatedAt");

        var regions = (List<Map<String, Object>>) getJson(client, "/api/v1/videos/" + v + "/regions").get("regions");
        assertThat(regions).extracting(r -> r.get("name")).containsExactly("Zone_A", "zone-b");

        var deleted = client.exchange(withKey(HttpRequest.DELETE("/api/v1/videos/" + v + "/regions/Zone_A")));
        assertThat(deleted.code()).isEqualTo(204);
        problem(client, withKey(HttpRequest.DELETE("/api/v1/videos/" + v + "/regions/Zone_A")), 404);
        problem(client, withKey(HttpRequest.GET("/api/v1/videos/" + v + "/regions/Zone_A/motion")), 404);

        db.inTransaction("test", c -> videos.delete(c, v));
        int left = db.read("test", c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM regions WHERE video_id = ?")) {
                ps.setString(1, v);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
        assertThat(left).isZero();
    }

    @Test
    void badRegionsAreRefusedWithProblemsThatSayWhy() {
        String v = analysedVideo();
        String base = "/api/v1/videos/" + v + "/regions/";

        assertThat(detail(putRaw(base + "bench", box(0.5, 0.1, 0.4, 0.2)), 400))
                .contains("left < right");
        assertThat(detail(putRaw(base + "bench", box(0.1, 0.3, 0.4, 0.2)), 400))
                .contains("top < bottom");
        assertThat(detail(putRaw(base + "bench", box(-0.1, 0.1, 0.4, 0.2)), 400))
                .contains("0 <= left");
        problem(client, putRaw(base + "bench", box(0.1, 0.1, 0.4, 1.2)), 400);
        assertThat(detail(putRaw(base + "bench", "{\"box\": {\"left\": 0.1, \"top\": 0.1, \"right\": 0.4}}"),
                400)).contains("\"bottom\"");
        problem(client, putRaw(base + "bench", "{}"), 400);
        problem(client, putRaw(base + "bench", "{\"box\": "), 400);
        assertThat(detail(putRaw(base + "bad.name", box(0.1, 0.1, 0.4, 0.2)), 400))
                .contains("1 to 64 letters");
        problem(client, putRaw(base + "x".repeat(65), box(0.1, 0.1, 0.4, 0.2)), 400);

        put(v, "bench", 0, 0, 0.25, 0.3);
        assertThat(detail(withKey(HttpRequest.GET(base + "bench/motion?activeOn=0.01&activeOff=0.02")), 400)).contains("activeOff");
        problem(client, withKey(HttpRequest.GET(base + "bench/motion?smoothing=0")), 400);
        assertThat((List<?>) getJson(client, base.substring(0, base.length() - 1)).get("regions")).hasSize(1);
    }

    @Test
    void unknownVideosAre404AndEveryEndpointNeedsTheKey() {
        String v = analysedVideo();
        String none = "/api/v1/videos/no-such-video";
        problem(client, withKey(HttpRequest.GET(none + "/heatmaps")), 404);
        problem(client, withKey(HttpRequest.GET(none + "/heatmaps/0.png")), 404);
        problem(client, withKey(HttpRequest.GET(none + "/regions")), 404);
        problem(client, putRaw(none + "/regions/bench", box(0.1, 0.1, 0.4, 0.2)), 404);
        problem(client, withKey(HttpRequest.DELETE(none + "/regions/bench")), 404);
        problem(client, withKey(HttpRequest.GET(none + "/regions/bench/motion")), 404);

        put(v, "bench", 0, 0, 0.25, 0.3);
        String base = "/api/v1/videos/" + v;
        for (MutableHttpRequest<?> request : List.<MutableHttpRequest<?>>of(HttpRequest.GET(base + "/heatmaps"),
                HttpRequest.GET(base + "/heatmaps/0.png"), HttpRequest.GET(base + "/regions"),
                HttpRequest.PUT(base + "/regions/other", box(0.1, 0.1, 0.4, 0.2)).contentType("application/json"),
                HttpRequest.DELETE(base + "/regions/bench"), HttpRequest.GET(base + "/regions/bench/motion"))) {
            problem(client, request, 401);
        }
        assertThat((List<?>) getJson(client, base + "/regions").get("regions")).hasSize(1);
    }

    // ---- the crafted video

    private String analysedVideo() {
        String v = StoredVideos.insert(db, videos, "bench.mp4");
        materializer.apply(Records.started(v));
        applySegments(v);
        return v;
    }

    private void applySegments(String v) {
        for (int s = 0; s < 3; s++) {
            var events = new ArrayList<Event>();
            if (s == 0) {
                events.add(Records.instant(v, "shot.cut", 20_000, 0.9));
            }
            if (s == 1) {
                events.add(Records.event(v, "shot.transition", null, 50_000, 52_000, 0.8, Map.of("kind", "dissolve"),
                        null));
            }
            materializer.apply(new SegmentEvents(SegmentEvents.SCHEMA, v, s, "1.0.0", 750, events, List.of(grid(s)),
                    null, Records.T0.plusSeconds(60 + s)));
        }
    }

    /** Segment {@code s}'s grid: 60 samples, moving cells as the class comment says. */
    private static Artifact grid(int s) {
        long start = s * Records.SEGMENT_MS;
        int samples = (int) (Records.SEGMENT_MS / STEP);
        var data = new byte[samples * COLS * ROWS];
        var frames = new ArrayList<Long>();
        var pts = new ArrayList<Long>();
        for (int i = 0; i < samples; i++) {
            long ms = start + i * STEP;
            frames.add(ms / 40);
            pts.add(ms);
            for (int cell = 0; cell < COLS * ROWS; cell++) {
                int col = cell % COLS;
                int row = cell / COLS;
                boolean topLeft = col < 2 && row < 2 && ms >= 5_000 && ms < 15_000;
                boolean bottomRight = col >= 6 && row >= 4 && ms >= 35_000 && ms < 45_000;
                data[i * COLS * ROWS + cell] = (byte) (topLeft || bottomRight ? 200 : 0);
            }
        }
        var attributes = new LinkedHashMap<String, Object>();
        attributes.put("cols", COLS);
        attributes.put("rows", ROWS);
        attributes.put("samples", samples);
        attributes.put("firstFrame", start / 40);
        attributes.put("lastFrame", (start + Records.SEGMENT_MS) / 40 - 1);
        attributes.put("stepMs", STEP);
        attributes.put("frames", frames);
        attributes.put("ptsMs", pts);
        return new Artifact(Artifact.MOTION_GRID, "s" + s, "application/octet-stream", start / 40, start,
                start + Records.SEGMENT_MS, attributes, data);
    }

    // ---- requests

    private io.micronaut.http.HttpResponse<String> put(String v, String name, double l, double t, double r, double b) {
        return client.exchange(putRaw("/api/v1/videos/" + v + "/regions/" + name, box(l, t, r, b)), String.class);
    }

    private static MutableHttpRequest<String> putRaw(String uri, String body) {
        return withKey(HttpRequest.PUT(uri, body).contentType("application/json"));
    }

    private static String box(double l, double t, double r, double b) {
        return "{\"box\": {\"left\": " + l + ", \"top\": " + t + ", \"right\": " + r + ", \"bottom\": " + b + "}}";
    }

    private static List<List<Object>> intervals(Map<String, Object> motion) {
        return ((List<Map<String, Object>>) motion.get("intervals")).stream()
                .map(i -> List.of(i.get("type"), i.get("startMs"), i.get("endMs"), i.get("startFrame"),
                        i.get("endFrame")))
                .toList();
    }

    private String detail(MutableHttpRequest<?> request, int status) {
        return (String) problem(client, request, status).get("detail");
    }

    private static int brightness(int rgb) {
        return (rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff);
    }
}
