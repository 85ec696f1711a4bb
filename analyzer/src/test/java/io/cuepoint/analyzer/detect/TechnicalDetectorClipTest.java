package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.wire.Event;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Black, frozen and silent stretches of a clip written by ffmpeg ({@link GeneratedClips#technical()}: black
 * 2-4.5 s, frame 149 held from 5.96 s to 9 s, silence 4-6.5 s), decoded by ingest's decoder, once in one
 * segment and once in 3 s segments, where every stretch crosses a boundary.
 */
class TechnicalDetectorClipTest {
    private static final DetectionContext CTX = new DetectionContext("test");
    private static List<Event> whole;
    private static List<Event> split;
    private static List<Segment> splitSegments;

    @BeforeAll
    static void analyse() {
        var detector = new TechnicalDetector(TechnicalConfig.defaults());
        whole = detector.detect(DecodedSegments.of(GeneratedClips.technical()).get(0), CTX);
        splitSegments = DecodedSegments.of(GeneratedClips.technical(), 3);
        split = new ArrayList<>();
        splitSegments.forEach(s -> split.addAll(detector.detect(s, CTX)));
    }

    @Test
    void findsTheBlackStretchOnItsFrames() {
        var black = of(whole, TechnicalDetector.BLACK);
        assertThat(black).hasSize(1);
        assertThat(black.get(0).startFrame()).isBetween(49L, 51L);
        assertThat(black.get(0).endFrame()).isBetween(111L, 113L);
        assertThat((double) black.get(0).attributes().get("meanLuma")).isLessThan(5);
    }

    @Test
    void findsTheHeldPictureButNotTheBlackOne() {
        var frozen = of(whole, TechnicalDetector.FROZEN);
        // The black stretch is 2.5 s of one unchanging picture too: black wins.
        assertThat(frozen).hasSize(1);
        assertThat(frozen.get(0).startFrame()).isBetween(148L, 150L);
        assertThat(frozen.get(0).endFrame()).isBetween(223L, 225L);
        assertThat((double) frozen.get(0).attributes().get("meanDiff")).isLessThan(1.0);
    }

    @Test
    void findsTheSilenceToAWindow() {
        var silence = of(whole, TechnicalDetector.SILENCE);
        assertThat(silence).hasSize(1);
        // The AAC encoder's frames smear the edges by a few milliseconds; the windows are 20 ms.
        assertThat(silence.get(0).startMs()).isBetween(3960L, 4060L);
        assertThat(silence.get(0).endMs()).isBetween(6440L, 6540L);
        assertThat((double) silence.get(0).attributes().get("meanDbfs")).isLessThan(-50);
        assertThat(silence.get(0).startFrame()).isBetween(99L, 102L);
    }

    @Test
    void stretchesAcrossSegmentBoundariesAreFragmentsThatJoinToTheTruth() {
        assertThat(splitSegments).hasSize(4);
        assertThat(split).filteredOn(e -> e.fragment() != null).isNotEmpty();
        assertIoU(TechnicalDetector.BLACK, 2000, 4500);
        assertIoU(TechnicalDetector.FROZEN, 5960, 9000);
        assertIoU(TechnicalDetector.SILENCE, 4000, 6500);
        var blackParts = of(split, TechnicalDetector.BLACK);
        assertThat(blackParts).hasSize(2);
        assertThat(blackParts.get(0).fragment().openEnd()).isTrue();
        assertThat(blackParts.get(0).endMs()).isEqualTo(3000);
        assertThat(blackParts.get(1).fragment().openStart()).isTrue();
        assertThat(blackParts.get(1).startMs()).isEqualTo(3000);
    }

    @Test
    void aMovingPictureWithSoundHasNoCue() {
        var clean = whole.stream().filter(e -> e.startMs() < 1900 || e.startMs() >= 9100 && e.endMs() <= 10_500
                && !e.type().equals(TechnicalDetector.SILENCE)).toList();
        assertThat(clean).isEmpty();
        assertThat(of(whole, TechnicalDetector.SILENCE)).allSatisfy(e -> assertThat(e.startMs()).isGreaterThan(3900));
    }

    private static void assertIoU(String type, long startMs, long endMs) {
        var joined = Intervals.joined(split, type);
        assertThat(joined).as(type).hasSize(1);
        assertThat(Intervals.iou(joined.get(0), startMs, endMs)).as(type).isGreaterThanOrEqualTo(0.9);
    }

    private static List<Event> of(List<Event> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }
}
