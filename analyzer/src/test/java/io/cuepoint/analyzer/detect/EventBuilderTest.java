package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.wire.Box;
import io.cuepoint.analyzer.wire.EventIds;
import io.cuepoint.analyzer.wire.Keypoint;
import io.cuepoint.ingest.wire.FrameRecord;
import io.cuepoint.ingest.wire.SegmentEnd;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBuilderTest {
    private final Segment segment = new Segment(null, List.of(frame(90), frame(100)), null,
            new SegmentEnd(1, "v", 3, 3600, 4000, 2, 2, false));

    private static FrameRecord frame(long n) {
        return new FrameRecord(1, "v", 3, n, n * 40, false, 1, 1, new byte[3], new byte[] {1}, 1, 1);
    }

    @Test
    void trackedEventsTakeTheirIdFromTheLocalTrack() {
        var ctx = new DetectionContext("9.9.9");
        var event = ctx.builder(segment, "pose", "person.pose").track("person-s3-2").at(frame(100))
                .model("movenet-lightning@sha256:0123456789ab").confidence(1.5)
                .box(new Box(0.123456, 0.2, 0.3, 0.4))
                .keypoints(List.of(new Keypoint("nose", 0.111119, 0.2, 0.987654))).attribute("leadIn", true).build();
        assertThat(event.id()).isEqualTo(EventIds.of("v", "pose", "person.pose", 100, "person-s3-2"));
        assertThat(event.id()).isNotEqualTo(EventIds.of("v", "pose", "person.pose", 100, "person-s3-1"));
        assertThat(event.startMs()).isEqualTo(4000).isEqualTo(event.endMs());
        assertThat(event.track()).isEqualTo("person-s3-2");
        assertThat(event.confidence()).isEqualTo(1);
        assertThat(event.box().left()).isEqualTo(0.1235);
        assertThat(event.keypoints().get(0).x()).isEqualTo(0.1111);
        assertThat(event.keypoints().get(0).score()).isEqualTo(0.9877);
        assertThat(event.producer().model()).isEqualTo("movenet-lightning@sha256:0123456789ab");
        assertThat(event.producer().analyzer()).isEqualTo("9.9.9");
        assertThat(event.attributes()).containsEntry("leadIn", true);
        assertThat(event.fragment()).isNull();
    }

    @Test
    void intervalsCarryFragmentFlagsOnlyWhenOpen() {
        var ctx = new DetectionContext("1");
        var open = ctx.builder(segment, "faces", "face.present").track("face-s3-1").span(frame(90), frame(100))
                .fragment(true, false).build();
        assertThat(open.fragment().segment()).isEqualTo(3);
        assertThat(open.fragment().openStart()).isTrue();
        assertThat(open.startFrame()).isEqualTo(90);
        assertThat(open.endFrame()).isEqualTo(100);
        var closed = ctx.builder(segment, "faces", "face.present").track("face-s3-1").span(frame(90), frame(100))
                .fragment(false, false).build();
        assertThat(closed.fragment()).isNull();
        assertThat(closed.id()).isEqualTo(open.id());
    }
}
