package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.testing.TestMedia;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shot cuts on real recordings from Debian's opencv-doc, decoded by ingest exactly as in production.
 *
 * <p>Labels, checked by eye on the frames either side of each change with
 * {@code ffmpeg -ss T -i Megamind.avi -frames:v 1}: Megamind.avi (23.976 fps) opens on two black frames
 * and cuts to the woman at frame 2 (83 ms), to the man at about 4.13 s, back to the woman at about
 * 6.47 s and to the man in close-up at about 8.38 s. vtest.avi is one static-camera shot of walkers:
 * no cuts.
 */
class RealClipShotCutTest {
    private static final long FRAME_MS = 42;

    private static List<Event> cuts(Path file) {
        var detector = new ShotCutDetector(ShotCutConfig.defaults());
        return DecodedSegments.of(file).stream()
                .flatMap(s -> detector.detect(s, new DetectionContext("test")).stream()).toList();
    }

    @Test
    void megamindHasItsFourCutsAndNoOthers() {
        List<Event> cuts = cuts(TestMedia.megamind());
        long[] expectedMs = {83, 4129, 6465, 8383};
        assertThat(cuts).hasSize(expectedMs.length);
        for (int i = 0; i < expectedMs.length; i++) {
            assertThat(cuts.get(i).startMs()).as("cut %d", i).isBetween(expectedMs[i] - FRAME_MS, expectedMs[i] + FRAME_MS);
        }
    }

    @Test
    void vtestIsOneShot() {
        assertThat(cuts(TestMedia.vtest())).isEmpty();
    }
}
