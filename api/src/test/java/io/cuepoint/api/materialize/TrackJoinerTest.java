package io.cuepoint.api.materialize;

import io.cuepoint.analyzer.wire.Box;
import io.cuepoint.api.store.BoundaryBox;
import io.cuepoint.api.store.LocalTrack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrackJoinerTest {
    private static final String POSE = "person.pose";
    private static final Box A = new Box(0.30, 0.1, 0.50, 0.9);
    private static final Box B = new Box(0.42, 0.1, 0.62, 0.9);

    private static BoundaryBox last(int segment, String track, long frame, Box box) {
        return new BoundaryBox(segment, false, POSE, track, frame, box);
    }

    private static BoundaryBox leadIn(int segment, String track, long frame, Box box) {
        return new BoundaryBox(segment, true, POSE, track, frame, box);
    }

    @Test
    void intersectionOverUnion() {
        assertThat(A.iou(A)).isEqualTo(1.0);
        // overlap 0.08 x 0.8 over 0.2 x 0.8 + 0.2 x 0.8 - 0.08 x 0.8
        assertThat(A.iou(B)).isCloseTo(0.08 / 0.32, within(1e-12));
        assertThat(A.iou(new Box(0.5, 0.1, 0.7, 0.9))).isZero();
    }

    @Test
    void eachPreviousTrackContinuesAtMostOnceBestOverlapFirst() {
        // person-s1-2's best match is A too (IoU 0.67), but person-s1-1 is A exactly: person-s1-2 gets B (0.43).
        var links = TrackJoiner.link(
                List.of(leadIn(1, "person-s1-1", 749, A), leadIn(1, "person-s1-2", 749, new Box(0.34, 0.1, 0.54, 0.9))),
                List.of(last(0, "person-s0-1", 749, A), last(0, "person-s0-2", 749, B)));
        assertThat(links).containsExactlyInAnyOrderEntriesOf(
                Map.of("person-s1-1", "person-s0-1", "person-s1-2", "person-s0-2"));
    }

    @Test
    void noLinkBelowTheOverlapThresholdOrAcrossFramesOrTypes() {
        var far = new Box(0.45, 0.1, 0.65, 0.9); // IoU with A: 0.05 / 0.35
        assertThat(TrackJoiner.link(List.of(leadIn(1, "person-s1-1", 749, far)),
                List.of(last(0, "person-s0-1", 749, A)))).isEmpty();
        assertThat(TrackJoiner.link(List.of(leadIn(1, "person-s1-1", 749, A)),
                List.of(last(0, "person-s0-1", 699, A)))).isEmpty();
        assertThat(TrackJoiner.link(List.of(new BoundaryBox(1, true, "face.detected", "face-s1-1", 749, A)),
                List.of(last(0, "person-s0-1", 749, A)))).isEmpty();
    }

    @Test
    void chainsAreNamedAfterTheirEarliestTrack() {
        var tracks = List.of(new LocalTrack("person-s2-1", 2, "person-s2-1"),
                new LocalTrack("person-s0-1", 0, "person-s0-1"), new LocalTrack("person-s1-1", 1, "person-s1-1"),
                new LocalTrack("person-s1-2", 1, "person-s1-2"), new LocalTrack("person-s3-1", 3, "person-s3-1"));
        var boxes = List.of(last(0, "person-s0-1", 749, A), leadIn(1, "person-s1-2", 749, A),
                last(1, "person-s1-2", 1499, B), last(1, "person-s1-1", 1499, A),
                leadIn(2, "person-s2-1", 1499, B),
                // segment 3 has no lead-in instants: its track starts afresh
                last(2, "person-s2-1", 2249, B));
        assertThat(TrackJoiner.canonicalIds(tracks, boxes)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "person-s0-1", "person-s0-1", "person-s1-1", "person-s1-1", "person-s1-2", "person-s0-1",
                "person-s2-1", "person-s0-1", "person-s3-1", "person-s3-1"));
    }
}
