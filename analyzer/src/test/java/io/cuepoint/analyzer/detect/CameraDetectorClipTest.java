package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.wire.Event;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Camera motion on clips written by ffmpeg ({@link GeneratedClips}): a window moving over a still photo
 * between 1 s and 3 s (frames 25-74), decoded by ingest's decoder. Directions are the camera's. Also the
 * negatives: an object gliding over a still scene, and vtest.avi (a fixed camera, people walking).
 */
class CameraDetectorClipTest {
    private static final DetectionContext CTX = new DetectionContext("test");
    private static final long[] TRUTH = {1000, 3000};

    @Test
    void panRight() {
        var pan = only(detect(GeneratedClips.move("pan-right", 160, 0)), CameraDetector.PAN);
        assertMatches(pan, "right");
        // 160 px/s of 640: a quarter frame width per second.
        assertThat((double) pan.attributes().get("speed")).isBetween(0.2, 0.3);
    }

    @Test
    void panLeft() {
        assertMatches(only(detect(GeneratedClips.move("pan-left", -160, 0)), CameraDetector.PAN), "left");
    }

    @Test
    void tiltDownIsNotAPan() {
        var events = detect(GeneratedClips.move("tilt-down", 0, 120));
        var tilt = only(events, CameraDetector.TILT);
        assertMatches(tilt, "down");
        // 120 px/s of 360: a third of the frame height per second.
        assertThat((double) tilt.attributes().get("speed")).isBetween(0.28, 0.38);
        assertThat(events).extracting(Event::type).containsOnly(CameraDetector.TILT);
    }

    @Test
    void zoomIn() {
        var zoom = only(detect(GeneratedClips.zoomIn()), CameraDetector.ZOOM);
        assertMatches(zoom, "in");
        // 1.0 to 1.5 in 2 s: ln(1.5) / 2 = 0.20 per second on average.
        assertThat((double) zoom.attributes().get("rate")).isBetween(0.12, 0.25);
    }

    @Test
    void shakeIsShakeNotPanOrTilt() {
        var events = detect(GeneratedClips.shake());
        var shake = only(events, CameraDetector.SHAKE);
        assertThat(Intervals.iou(new long[] {shake.startMs(), shake.endMs()}, TRUTH[0], TRUTH[1])).isGreaterThanOrEqualTo(0.5);
        // RMS of the jitter: sqrt(12²/2 + 6²/2 + 9²/2 + 5²/2) = 12 px of 640 = 0.019 frame widths.
        assertThat((double) shake.attributes().get("amplitude")).isBetween(0.01, 0.03);
        assertThat(events).extracting(Event::type).containsOnly(CameraDetector.SHAKE);
    }

    @Test
    void smallRandomJitterEveryFrameIsShake() {
        // Half a thumbnail pixel at most: the tracks scatter and a tight RANSAC or a high threshold loses it.
        var events = detect(GeneratedClips.jitter());
        var shake = only(events, CameraDetector.SHAKE);
        assertThat(Intervals.iou(new long[] {shake.startMs(), shake.endMs()}, TRUTH[0], TRUTH[1])).isGreaterThanOrEqualTo(0.5);
        // Uniform within 3 px each way: an RMS offset of sqrt(2 * 3² / 3) = 2.4 px of 640, 0.004 frame widths.
        assertThat((double) shake.attributes().get("amplitude")).isBetween(0.002, 0.008);
        assertThat(events).extracting(Event::type).containsOnly(CameraDetector.SHAKE);
    }

    @Test
    void anObjectMovingOverAStillSceneIsNoCameraMotion() {
        assertThat(detect(GeneratedClips.movingObject())).isEmpty();
    }

    @Test
    void aFixedCameraWithPeopleWalkingHasAlmostNoCameraMotion() {
        var segments = RealClips.vtest();
        var events = new ArrayList<Event>();
        var detector = new CameraDetector(CameraConfig.defaults());
        segments.forEach(s -> events.addAll(detector.detect(s, CTX)));
        long moving = events.stream().mapToLong(e -> e.endMs() - e.startMs()).sum();
        long total = segments.get(segments.size() - 1).end().endMs();
        assertThat((double) moving / total).isLessThan(0.03);
    }

    @Test
    void aPanAcrossASegmentBoundaryIsTwoFragmentsThatJoin() {
        var file = GeneratedClips.move("pan-right", 160, 0);
        var detector = new CameraDetector(CameraConfig.defaults());
        var events = new ArrayList<Event>();
        DecodedSegments.of(file, 2).forEach(s -> events.addAll(detector.detect(s, CTX)));
        var pans = events.stream().filter(e -> e.type().equals(CameraDetector.PAN)).toList();
        assertThat(pans).hasSize(2);
        assertThat(pans.get(0).fragment().openEnd()).isTrue();
        assertThat(pans.get(1).fragment().openStart()).isTrue();
        assertThat(pans).allSatisfy(e -> assertThat(e.attributes().get("direction")).isEqualTo("right"));
        var joined = Intervals.joined(events, CameraDetector.PAN);
        assertThat(joined).hasSize(1);
        assertThat(Intervals.iou(joined.get(0), TRUTH[0], TRUTH[1])).isGreaterThanOrEqualTo(0.8);
    }

    private static List<Event> detect(Path file) {
        var segments = DecodedSegments.of(file);
        assertThat(segments).hasSize(1);
        return new CameraDetector(CameraConfig.defaults()).detect(segments.get(0), CTX);
    }

    private static Event only(List<Event> events, String type) {
        var matching = events.stream().filter(e -> e.type().equals(type)).toList();
        assertThat(matching).as(type + " in " + events).hasSize(1);
        return matching.get(0);
    }

    private static void assertMatches(Event event, String direction) {
        assertThat(event.attributes().get("direction")).isEqualTo(direction);
        assertThat(Intervals.iou(new long[] {event.startMs(), event.endMs()}, TRUTH[0], TRUTH[1]))
                .isGreaterThanOrEqualTo(0.8);
        assertThat(event.startFrame()).isBetween(22L, 28L);
        assertThat(event.endFrame()).isBetween(71L, 77L);
    }
}
