package io.cuepoint.api.web;

import static io.cuepoint.api.web.Http.getJson;
import static io.cuepoint.api.web.Http.problem;
import static io.cuepoint.api.web.Http.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.analyzer.detect.SlideSignature;
import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.analyzer.wire.SegmentEvents;
import io.cuepoint.api.Records;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Slides over HTTP from crafted segments (25 fps, 30 s segments): slides A [0, 10 s), B [10 s, 40 s) across
 * the first boundary with a build in each part, C [40 s, 50 s), A again [50 s, 65 s) across the second
 * boundary, D [65 s, 90 s). Keyframes carry signatures of distinct random layouts; B's second keyframe is B's
 * first with one more line (a build), A's return is A with a presenter corner changed.
 */
@MicronautTest
class SlideApiTest extends HttpApiTestBase {
    private static final long S = 1000;

    @Test
    void slidesAreNumberedByFirstAppearanceWhateverOrderTheSegmentsArriveIn() {
        String v = "lecture-orders";
        String expected = null;
        for (int[] order : new int[][] {{0, 1, 2}, {2, 1, 0}, {1, 2, 0}, {0, 1, 2, 1, 0}}) {
            recreate(v, "lecture.mp4");
            var segments = segments(v);
            for (int i : order) {
                materializer.apply(segments.get(i));
            }
            String slides = client.retrieve(withKey(HttpRequest.GET("/api/v1/videos/" + v + "/slides")));
            if (expected == null) {
                expected = slides;
            }
            assertThat(slides).as("order %s", Arrays.toString(order)).isEqualTo(expected);
        }
        var slides = parseList(expected);
        assertThat(slides).extracting(s -> s.get("slideNumber")).containsExactly(1, 2, 3, 1, 4);
        assertThat(slides).extracting(s -> s.get("revisit")).containsExactly(false, false, false, true, false);
        assertThat(slides).extracting(s -> s.get("startMs")).containsExactly(0, 10_000, 40_000, 50_000, 65_000);
        assertThat(slides).extracting(s -> s.get("endMs")).containsExactly(10_000, 40_000, 50_000, 65_000, 90_000);
        assertThat(slides).extracting(s -> s.get("buildCount")).containsExactly(0, 2, 0, 0, 0);
        // A slide across a boundary shows its last keyframe: its most complete state.
        assertThat(slides.get(1)).containsEntry("keyframeUrl", "/api/v1/videos/" + v + "/keyframes/f990")
                .containsEntry("startFrame", 250).containsEntry("endFrame", 999);
    }

    @Test
    void slideEventsCarryTheirNumberRevisitAndKeyframe() {
        String v = "lecture-events";
        recreate(v, "lecture.mp4");
        segments(v).forEach(materializer::apply);

        var items = (List<Map<String, Object>>) getJson(client, "/api/v1/videos/" + v
                + "/events?type=slide.shown").get("items");
        assertThat(items).hasSize(5);
        assertThat((Map<String, Object>) items.get(3).get("attributes")).containsEntry("slideNumber", 1)
                .containsEntry("revisit", true).containsEntry("keyframe", "f1620");
        var timeline = getJson(client, "/api/v1/videos/" + v + "/timeline");
        assertThat(timeline.toString()).contains("slideNumber=4", "keyframe=f2240");
    }

    @Test
    void keyframesAreServedAsTheirJpegBytes() throws IOException {
        String v = "lecture-keyframes";
        recreate(v, "lecture.mp4");
        segments(v).forEach(materializer::apply);

        var response = client.exchange(withKey(HttpRequest.GET("/api/v1/videos/" + v + "/keyframes/f990")),
                byte[].class);
        assertThat(response.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("image/jpeg"));
        assertThat(response.body()).isEqualTo(jpeg(990));
        assertThat(ImageIO.read(new ByteArrayInputStream(response.body())).getWidth()).isEqualTo(64);

        problem(client, withKey(HttpRequest.GET("/api/v1/videos/" + v + "/keyframes/f991")), 404);
        problem(client, withKey(HttpRequest.GET("/api/v1/videos/nope/keyframes/f990")), 404);
        problem(client, withKey(HttpRequest.GET("/api/v1/videos/nope/slides")), 404);
    }

    @Test
    void slidesAndKeyframesNeedTheApiKey() {
        String v = "lecture-keys";
        recreate(v, "lecture.mp4");
        segments(v).forEach(materializer::apply);
        problem(client, HttpRequest.GET("/api/v1/videos/" + v + "/slides"), 401);
        problem(client, HttpRequest.GET("/api/v1/videos/" + v + "/keyframes/f990"), 401);
        problem(client, HttpRequest.GET("/api/v1/videos/" + v + "/keyframes/f990").header("X-API-Key", "wrong"), 401);
    }

    /** The three segments of the lecture described on the class. */
    private static List<SegmentEvents> segments(String v) {
        boolean[] a = layout(1);
        boolean[] b = layout(2);
        boolean[] bBuilt = b.clone();
        Arrays.fill(bBuilt, 20 * 48 + 4, 20 * 48 + 30, true);
        boolean[] c = layout(3);
        boolean[] d = layout(4);
        boolean[] aWithPresenter = a.clone();
        for (int y = 18; y < 27; y++) {
            for (int x = 36; x < 48; x++) {
                aWithPresenter[y * 48 + x] = (x + y) % 2 == 0;
            }
        }
        var seg0 = segment(v, 0, List.of(
                slide(v, 0, 10 * S, Map.of("buildCount", 0, "sampleCount", 40), null),
                slide(v, 10 * S, 30 * S, Map.of("buildCount", 1, "sampleCount", 80), new Fragment(0, false, true))),
                List.of(keyframe(240, a), keyframe(740, b)));
        var seg1 = segment(v, 1, List.of(
                slide(v, 30 * S, 40 * S, Map.of("buildCount", 1, "sampleCount", 40), new Fragment(1, true, false)),
                slide(v, 40 * S, 50 * S, Map.of("buildCount", 0, "sampleCount", 40), null),
                slide(v, 50 * S, 60 * S, Map.of("buildCount", 0, "sampleCount", 40), new Fragment(1, false, true))),
                List.of(keyframe(990, bBuilt), keyframe(1240, c), keyframe(1490, aWithPresenter)));
        var seg2 = segment(v, 2, List.of(
                slide(v, 60 * S, 65 * S, Map.of("buildCount", 0, "sampleCount", 20), new Fragment(2, true, false)),
                slide(v, 65 * S, 90 * S, Map.of("buildCount", 0, "sampleCount", 100), null)),
                List.of(keyframe(1620, aWithPresenter), keyframe(2240, d)));
        return List.of(seg0, seg1, seg2);
    }

    /** A random layout of text lines: a title and a few bullet lines of random lengths. */
    private static boolean[] layout(long seed) {
        var random = new Random(seed);
        var cells = new boolean[48 * 27];
        int y = 2;
        while (y < 25) {
            int from = 2 + random.nextInt(6);
            int to = Math.min(47, from + 10 + random.nextInt(30));
            for (int x = from; x < to; x++) {
                cells[y * 48 + x] = true;
            }
            y += 2 + random.nextInt(3);
        }
        return cells;
    }

    private static Event slide(String v, long startMs, long endMs, Map<String, Object> attributes,
                               Fragment fragment) {
        var e = Records.event(v, "slide.shown", null, startMs, endMs, 0.9, attributes, fragment);
        // Frames end inclusive: the last frame before endMs.
        return new Event(e.schema(), e.id(), e.videoId(), e.type(), e.startMs(), e.endMs(), e.startFrame(),
                endMs / 40 - 1, e.confidence(), null, null, null, e.attributes(), e.producer(), e.fragment());
    }

    private static Artifact keyframe(long frame, boolean[] cells) {
        return new Artifact(Artifact.KEYFRAME, "f" + frame, "image/jpeg", frame, frame * 40, frame * 40,
                Map.of("signature", SlideSignature.encode(cells), "width", 64, "height", 36), jpeg(frame));
    }

    private static SegmentEvents segment(String v, int segment, List<Event> events, List<Artifact> artifacts) {
        return new SegmentEvents(SegmentEvents.SCHEMA, v, segment, "1.0.0", 750, events, new ArrayList<>(artifacts),
                null, Records.T0.plusSeconds(60 + segment));
    }

    /** A real JPEG, different for every frame. */
    private static byte[] jpeg(long frame) {
        var image = new BufferedImage(64, 36, BufferedImage.TYPE_3BYTE_BGR);
        var g = image.createGraphics();
        g.setColor(new Color((int) (frame * 37 % 256), 120, 200));
        g.fillRect(0, 0, 64, 36);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<Map<String, Object>> parseList(String json) {
        try {
            return new ObjectMapper().readValue(json, new TypeReference<>() { });
        } catch (IOException e) {
            throw new AssertionError("not a JSON list: " + json, e);
        }
    }
}
