package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.model.TestModels;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A frame whose analysis JPEG cannot be decoded costs that one sample: each model-based detector skips it
 * and still reports the rest of the segment (Megamind.avi, where every sample shows a face and a person).
 */
class DamagedImageTest {
    private static final DetectionContext CTX = new DetectionContext("test");

    @Test
    void poseFacesAndObjectsSkipAnUndecodableImageAndKeepTheRest() {
        var segment = RealClips.megamind().get(0);
        check(() -> new PoseDetector(PoseConfig.defaults(), TestModels.get(PoseConfig.defaults().model().modelName())),
                segment);
        check(() -> new FaceDetector(FaceConfig.defaults(), TestModels.get(DetectorRegistry.BLAZEFACE),
                TestModels.get(DetectorRegistry.EMOTION)), segment);
        var everySample = new ObjectConfig(4, ObjectConfig.defaults().labels(), ObjectConfig.defaults().minScore());
        check(() -> new ObjectDetector(everySample, TestModels.get(DetectorRegistry.CENTERNET)), segment);
    }

    /** Damages the image of a frame the detector reports on, mid-segment, and runs it again. */
    private static void check(Supplier<SegmentDetector> factory, Segment intact) {
        try (var detector = (AutoCloseable & SegmentDetector) factory.get()) {
            var before = instants(detector.detect(intact, CTX));
            assertThat(before).as("%s reports instants on Megamind", detector.name()).hasSizeGreaterThan(4);
            long damaged = before.get(before.size() / 2).startFrame();

            var after = instants(detector.detect(withDamagedImage(intact, damaged), CTX));

            assertThat(after).as("%s: no instant on the damaged frame", detector.name())
                    .noneMatch(e -> e.startFrame() == damaged);
            assertThat(after.size()).as("%s: the rest of the segment is still reported", detector.name())
                    .isGreaterThanOrEqualTo(before.size() / 2);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Event> instants(List<Event> events) {
        return events.stream().filter(e -> e.startMs() == e.endMs() && !e.type().equals("face.count")).toList();
    }

    private static Segment withDamagedImage(Segment segment, long frame) {
        var frames = new ArrayList<FrameRecord>();
        for (var f : segment.frames()) {
            if (f.frame() != frame) {
                frames.add(f);
                continue;
            }
            byte[] jpeg = Arrays.copyOf(f.analysisJpeg(), 64);   // a JPEG header with nothing after it
            frames.add(new FrameRecord(f.schema(), f.videoId(), f.segment(), f.frame(), f.ptsMs(), f.leadIn(),
                    f.thumbWidth(), f.thumbHeight(), f.thumbnail(), jpeg, f.analysisWidth(), f.analysisHeight()));
        }
        return new Segment(segment.leadIn(), frames, segment.audio(), segment.end());
    }
}
