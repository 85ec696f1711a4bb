package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.ingest.wire.FrameRecord;
import io.cuepoint.ingest.wire.SegmentEnd;
import io.cuepoint.ingest.wire.SegmentRecord;
import java.util.ArrayList;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Analysis images of 160×120 at 4 fps, every frame sampled, segments of 40 frames (10 s). A static,
 * textured background; a 40×40 square moves across it on the frames the test chooses, then leaves.
 */
class MotionDetectorTest {
    private static final int W = 160;
    private static final int H = 120;
    private static final int SEGMENT = 40;
    private final MotionDetector detector = new MotionDetector(MotionConfig.defaults());
    private final DetectionContext ctx = new DetectionContext("test");

    @Test
    void activeIntervalCoversTheMovementAndIdleTheRest() {
        // Segment 1 (frames 40–79) of a longer video; the square moves on frames 52–67.
        var events = detector.detect(segment(1, false, f -> f >= 52 && f <= 67), ctx);

        assertThat(events).extracting(Event::type)
                .containsExactly(MotionDetector.IDLE, MotionDetector.ACTIVE, MotionDetector.IDLE);
        var idleBefore = events.get(0);
        var active = events.get(1);
        var idleAfter = events.get(2);
        assertThat(active.startFrame()).isBetween(51L, 53L);
        assertThat(active.endFrame()).isBetween(66L, 68L);
        assertThat(active.startMs()).isEqualTo(active.startFrame() * 250);
        assertThat((Double) active.attributes().get("motionEnergy")).isGreaterThan(0.02);
        assertThat(active.fragment()).isNull();
        assertThat((Double) idleBefore.attributes().get("motionEnergy")).isLessThan(0.01);

        // The intervals tile the segment: no gap, no overlap, from its start to its end.
        assertThat(idleBefore.startFrame()).isEqualTo(40);
        assertThat(idleBefore.startMs()).isEqualTo(10_000);
        assertThat(idleBefore.endFrame()).isEqualTo(active.startFrame() - 1);
        assertThat(idleBefore.endMs()).isEqualTo(active.startMs());
        assertThat(active.endFrame()).isEqualTo(idleAfter.startFrame() - 1);
        assertThat(idleAfter.endFrame()).isEqualTo(79);
        assertThat(idleAfter.endMs()).isEqualTo(20_000);

        // Open towards both neighbouring segments, so the api merges them.
        assertThat(idleBefore.fragment()).isEqualTo(new Fragment(1, true, false));
        assertThat(idleAfter.fragment()).isEqualTo(new Fragment(1, false, true));
        assertThat(events).allSatisfy(e -> assertThat(e.confidence()).isBetween(0.0, 1.0));
    }

    @Test
    void staticMiddleSegmentIsOneIdleIntervalOpenOnBothSides() {
        var events = detector.detect(segment(1, false, f -> false), ctx);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(MotionDetector.IDLE);
            assertThat(e.fragment()).isEqualTo(new Fragment(1, true, true));
            assertThat(e.isFragment()).isTrue();
        });
    }

    @Test
    void movementThroughoutTheLastSegmentIsOneActiveIntervalOpenOnlyAtTheStart() {
        var events = detector.detect(segment(2, true, f -> true), ctx);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(MotionDetector.ACTIVE);
            assertThat(e.fragment()).isEqualTo(new Fragment(2, true, false));
        });
    }

    @Test
    void singleSegmentVideoHasNoFragments() {
        var events = detector.detect(segment(0, true, f -> f >= 10 && f <= 25), ctx);
        assertThat(events).extracting(Event::type)
                .containsExactly(MotionDetector.IDLE, MotionDetector.ACTIVE, MotionDetector.IDLE);
        assertThat(events).allSatisfy(e -> assertThat(e.fragment()).isNull());
    }

    @Test
    void isDeterministic() {
        var segment = segment(1, false, f -> f >= 52 && f <= 67);
        assertThat(detector.detect(segment, ctx)).isEqualTo(detector.detect(segment, ctx));
    }

    /** A segment of 40 frames at 4 fps, each sampled; {@code moving} says on which frames the square moves. */
    static Segment segment(int index, boolean last, IntPredicate moving) {
        int from = index * SEGMENT;
        var frames = new ArrayList<FrameRecord>();
        for (int f = from; f < from + SEGMENT; f++) {
            frames.add(frame(index, f, false, moving.test(f)));
        }
        var leadIn = index == 0 ? null : frame(index, from - 1, true, moving.test(from - 1));
        var end = new SegmentEnd(SegmentRecord.SCHEMA, "v-motion", index, from * 250L, (from + SEGMENT) * 250L,
                SEGMENT, SEGMENT, last);
        return new Segment(leadIn, frames, null, end);
    }

    private static FrameRecord frame(int segment, int f, boolean leadIn, boolean moving) {
        var bgr = new byte[W * H * 3];
        var texture = new Random(42);
        var noise = new Random(f);
        int squareX = (f * 9) % (W - 40);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean square = moving && x >= squareX && x < squareX + 40 && y >= 40 && y < 80;
                for (int ch = 0; ch < 3; ch++) {
                    int v = square ? 230 - ch * 60 : 60 + x / 2 + y / 3 + ch * 20 + texture.nextInt(12);
                    v += noise.nextInt(5) - 2;
                    bgr[(y * W + x) * 3 + ch] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        var thumb = new byte[SyntheticVideo.THUMB_W * SyntheticVideo.THUMB_H * 3];
        return new FrameRecord(SegmentRecord.SCHEMA, "v-motion", segment, f, f * 250L, leadIn,
                SyntheticVideo.THUMB_W, SyntheticVideo.THUMB_H, thumb, SyntheticVideo.jpeg(bgr, W, H), W, H);
    }
}
