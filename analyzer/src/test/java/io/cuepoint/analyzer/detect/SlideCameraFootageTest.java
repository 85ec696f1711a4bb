package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Camera footage is not a screen: the opencv-doc clips (a fixed street camera with walkers; an animated
 * film with cuts and dark scenes) give no slides, whatever stands still in them.
 */
class SlideCameraFootageTest {
    private final SlideDetector detector = new SlideDetector(SlideConfig.defaults());
    private final DetectionContext ctx = new DetectionContext("test");

    private long slides(List<Segment> segments) {
        return segments.stream().mapToLong(s -> detector.analyze(s, ctx).events().size()).sum();
    }

    @Test
    void aStreetCameraShowsNoSlides() {
        assertThat(slides(RealClips.vtest())).isZero();
    }

    @Test
    void anAnimatedFilmShowsNoSlides() {
        assertThat(slides(RealClips.megamind())).isZero();
        assertThat(slides(RealClips.megamindShortSegments())).isLessThanOrEqualTo(1);
    }
}
