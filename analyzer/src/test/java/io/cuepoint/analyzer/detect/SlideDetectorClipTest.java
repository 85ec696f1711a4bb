package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.analyzer.wire.Event;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slides on a generated lecture recording ({@link LectureClip}) with a live presenter picture-in-picture,
 * through the real encoder, ingest's decoder and its segmenter (10 s segments, so slides 2 and 4 cross a
 * segment boundary at frames 250 and 500).
 */
class SlideDetectorClipTest {
    private static List<DetectorOutput> outputs;
    private static List<Event> slides;

    @BeforeAll
    static void analyze() throws Exception {
        var dir = Files.createDirectories(Path.of("target", "slides"));
        var clip = LectureClip.write(dir.resolve("lecture-pip.mp4"), true);
        var detector = new SlideDetector(SlideConfig.defaults());
        var ctx = new DetectionContext("test");
        outputs = DecodedSegments.of(clip, 10).stream().map(s -> detector.analyze(s, ctx)).toList();
        slides = Fragments.merge(outputs.stream().flatMap(o -> o.events().stream()).toList());
    }

    @Test
    void oneSlidePerSlideShownStartingOnItsExactFrame() {
        assertThat(slides).hasSize(LectureClip.STARTS.length);
        for (int k = 0; k < slides.size(); k++) {
            var slide = slides.get(k);
            assertThat(slide.type()).isEqualTo(SlideDetector.SHOWN);
            assertThat(slide.startFrame()).as("start of slide shown %d", k).isBetween(LectureClip.STARTS[k] - 1L,
                    LectureClip.STARTS[k] + 1L);
            long end = k + 1 < LectureClip.STARTS.length ? LectureClip.STARTS[k + 1] - 1 : LectureClip.FRAMES - 1;
            assertThat(slide.endFrame()).as("end of slide shown %d", k).isBetween(end - 1, end + 1);
        }
        // Intervals tile: endMs is the start of the next slide.
        for (int k = 0; k + 1 < slides.size(); k++) {
            assertThat(slides.get(k).endMs()).isEqualTo(slides.get(k + 1).startMs());
        }
    }

    @Test
    void buildsAreCountedAndAnimationsAndPresenterCutsDoNotSplit() {
        assertThat(slides).extracting(e -> ((Number) e.attributes().get("buildCount")).intValue())
                .containsExactly(0, 2, 0, 0, 1);
    }

    @Test
    void slidesAcrossASegmentBoundaryAreFragments() {
        var fragments = outputs.stream().flatMap(o -> o.events().stream()).filter(Event::isFragment).toList();
        assertThat(fragments).anySatisfy(f -> {
            assertThat(f.fragment().segment()).isZero();
            assertThat(f.fragment().openEnd()).isTrue();
            assertThat(f.startFrame()).isBetween(99L, 101L);
            assertThat(f.endFrame()).isEqualTo(249L);
        });
        assertThat(fragments).anySatisfy(f -> {
            assertThat(f.fragment().segment()).isOne();
            assertThat(f.fragment().openStart()).isTrue();
            assertThat(f.startFrame()).isEqualTo(250L);
        });
        // Nothing that the api could not merge: events carry numbers only.
        assertThat(fragments).allSatisfy(f -> assertThat(f.attributes().values()).allMatch(v -> v instanceof Number));
    }

    @Test
    void everySlideFragmentHasADecodableKeyframeFromWithinIt() throws Exception {
        var events = outputs.stream().flatMap(o -> o.events().stream()).toList();
        var keyframes = outputs.stream().flatMap(o -> o.artifacts().stream()).toList();
        assertThat(keyframes).hasSameSizeAs(events);
        for (var event : events) {
            var keyframe = keyframeOf(keyframes, event);
            assertThat(keyframe.kind()).isEqualTo(Artifact.KEYFRAME);
            assertThat(keyframe.name()).isEqualTo("f" + keyframe.frame());
            assertThat(keyframe.contentType()).isEqualTo("image/jpeg");
            var image = ImageIO.read(new ByteArrayInputStream(keyframe.data()));
            assertThat(image.getWidth()).isEqualTo(640);
            assertThat(image.getHeight()).isEqualTo(360);
            assertThat((String) keyframe.attributes().get("signature")).matches("48x27:[0-9a-f]{324}");
        }
    }

    @Test
    void aReturnToAnEarlierSlideHasItsSignature() {
        var keyframes = outputs.stream().flatMap(o -> o.artifacts().stream()).toList();
        var signatures = new ArrayList<String>();
        for (var slide : slides) {
            // The slide's last keyframe: its most complete state.
            signatures.add((String) keyframes.stream().filter(a -> a.frame() >= slide.startFrame()
                    && a.frame() <= slide.endFrame()).reduce((a, b) -> b).orElseThrow().attributes().get("signature"));
        }
        for (int i = 0; i < signatures.size(); i++) {
            for (int j = i + 1; j < signatures.size(); j++) {
                double distance = SlideSignature.distance(signatures.get(i), signatures.get(j));
                if (LectureClip.SLIDES[i] == LectureClip.SLIDES[j]) {
                    assertThat(distance).as("slides shown %d and %d", i, j).isLessThan(SlideSignature.SAME_SLIDE / 2);
                } else {
                    assertThat(distance).as("slides shown %d and %d", i, j).isGreaterThan(SlideSignature.SAME_SLIDE * 1.5);
                }
            }
        }
    }

    private static Artifact keyframeOf(List<Artifact> keyframes, Event event) {
        return keyframes.stream().filter(a -> a.frame() >= event.startFrame() && a.frame() <= event.endFrame())
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no keyframe in " + event));
    }
}
