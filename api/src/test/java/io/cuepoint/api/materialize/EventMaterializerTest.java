package io.cuepoint.api.materialize;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.analyzer.wire.SegmentEvents;
import io.cuepoint.api.ApiTestBase;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.StoredVideos;
import io.cuepoint.api.store.VideoRepository;
import io.cuepoint.api.store.VideoStatus;
import io.cuepoint.api.timeline.EventResource;
import io.cuepoint.api.timeline.TimelineService;
import io.cuepoint.api.timeline.VideoResource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.cuepoint.api.Records.completed;
import static io.cuepoint.api.Records.event;
import static io.cuepoint.api.Records.failed;
import static io.cuepoint.api.Records.instant;
import static io.cuepoint.api.Records.progress;
import static io.cuepoint.api.Records.segment;
import static io.cuepoint.api.Records.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@MicronautTest
class EventMaterializerTest extends ApiTestBase {
    private static final String MOTION = "motion.active";

    @Inject
    EventMaterializer materializer;
    @Inject
    TimelineService timelines;
    @Inject
    Database db;
    @Inject
    VideoRepository videos;

    /** Motion from 25 s to 64 s, seen by three segments, plus a person in segment 1 only. */
    private static List<SegmentEvents> motionAcrossThreeSegments(String v) {
        var s0 = segment(v, 0, List.of(
                instant(v, "shot.cut", 1_000, 0.93),
                event(v, MOTION, null, 25_000, 30_000, 0.9, Map.of("level", 0.5, "zone", "left", "sampleCount", 20),
                        new Fragment(0, false, true))));
        var s1 = segment(v, 1, List.of(
                event(v, MOTION, null, 30_000, 60_000, 0.6, Map.of("level", 1.0, "sampleCount", 120),
                        new Fragment(1, true, true)),
                event(v, "person.present", "person-2", 40_000, 45_000, 0.7, Map.of(), null)));
        var s2 = segment(v, 2, List.of(
                event(v, MOTION, null, 60_000, 64_000, 0.8, Map.of("level", 0.0, "zone", "right", "sampleCount", 16),
                        new Fragment(2, true, false)),
                instant(v, "shot.cut", 70_000, 0.8)));
        return List.of(s0, s1, s2);
    }

    @Test
    void fragmentsAcrossThreeSegmentsMergeIntoOneEventWhateverTheArrivalOrder() {
        String v = newVideo();
        var segments = motionAcrossThreeSegments(v);
        String firstFragmentId = segments.get(0).events().get(1).id();

        materializer.apply(segments.get(0));
        materializer.apply(segments.get(2));
        // Segment 1 has not arrived: two separate pieces are served for now.
        assertThat(motion(v)).extracting(EventResource::startMs).containsExactly(25_000L, 60_000L);

        materializer.apply(segments.get(1));
        List<EventResource> motion = motion(v);
        assertThat(motion).hasSize(1);
        EventResource merged = motion.get(0);
        assertThat(merged.id()).isEqualTo(firstFragmentId);
        assertThat(merged.startMs()).isEqualTo(25_000);
        assertThat(merged.endMs()).isEqualTo(64_000);
        assertThat(merged.startFrame()).isEqualTo(625);
        assertThat(merged.endFrame()).isEqualTo(1600);
        // Duration-weighted: (5000 * 0.9 + 30000 * 0.6 + 4000 * 0.8) / 39000
        assertThat(merged.confidence()).isCloseTo(25_700.0 / 39_000, within(1e-9));
        assertThat(((Number) merged.attributes().get("level")).doubleValue())
                .isCloseTo((5000 * 0.5 + 30000 * 1.0) / 39_000, within(1e-9));
        assertThat(merged.attributes()).containsEntry("zone", "left");
        // Counts add up instead of being averaged.
        assertThat(((Number) merged.attributes().get("sampleCount")).longValue()).isEqualTo(156);

        var timeline = timelines.timeline(v);
        assertThat(timeline.tracks()).extracting(t -> t.type())
                .containsExactly(MOTION, "person.present", "shot.cut");
        assertThat(timeline.video().counts().events()).isEqualTo(4);
    }

    @Test
    void everyArrivalOrderGivesTheSameEvents() {
        List<List<Long>> expected = null;
        for (int[] order : new int[][] {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}) {
            String v = newVideo();
            var segments = motionAcrossThreeSegments(v);
            for (int i : order) {
                materializer.apply(segments.get(i));
            }
            var result = timelines.events(v, List.of(), null, null, null, null, 100, null).items().stream()
                    .map(e -> List.of(e.startMs(), e.endMs(), Math.round(e.confidence() * 1e9))).toList();
            if (expected == null) {
                expected = result;
            }
            assertThat(result).as("order %s", java.util.Arrays.toString(order)).isEqualTo(expected);
        }
        assertThat(expected).hasSize(4);
    }

    @Test
    void applyingTheSameRecordsTwiceLeavesTheDatabaseUnchanged() {
        String v = newVideo();
        var segments = motionAcrossThreeSegments(v);
        Runnable applyAll = () -> {
            materializer.apply(started(v));
            materializer.apply(progress(v, 0.5));
            segments.forEach(materializer::apply);
            materializer.apply(completed(v, 3));
        };
        applyAll.run();
        String once = snapshot(v);
        assertThat(once).contains("\"status\":\"COMPLETED\"");

        applyAll.run();
        materializer.apply(segments.get(1));
        assertThat(snapshot(v)).isEqualTo(once);
    }

    @Test
    void completesWhenEveryExpectedSegmentIsDoneInEitherOrder() {
        String segmentsFirst = newVideo();
        materializer.apply(started(segmentsFirst));
        assertThat(status(segmentsFirst)).isEqualTo(VideoStatus.DECODING);
        materializer.apply(segment(segmentsFirst, 0, List.of()));
        assertThat(status(segmentsFirst)).isEqualTo(VideoStatus.ANALYZING);
        materializer.apply(segment(segmentsFirst, 1, List.of()));
        assertThat(status(segmentsFirst)).isEqualTo(VideoStatus.ANALYZING);
        materializer.apply(completed(segmentsFirst, 2));
        VideoResource done = timelines.video(segmentsFirst);
        assertThat(done.status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.completedAt()).isNotNull();
        assertThat(done.counts().corruptFrames()).isEqualTo(3);
        assertThat(done.media().videoCodec()).isEqualTo("h264");
        assertThat(done.media().hasAudio()).isTrue();

        String decodeFirst = newVideo();
        materializer.apply(started(decodeFirst));
        materializer.apply(completed(decodeFirst, 2));
        assertThat(status(decodeFirst)).isEqualTo(VideoStatus.DECODING);
        assertThat(timelines.video(decodeFirst).progress()).isEqualTo(0.5);
        materializer.apply(segment(decodeFirst, 1, List.of()));
        assertThat(status(decodeFirst)).isEqualTo(VideoStatus.ANALYZING);
        assertThat(timelines.video(decodeFirst).progress()).isEqualTo(0.75);
        materializer.apply(segment(decodeFirst, 0, List.of()));
        assertThat(status(decodeFirst)).isEqualTo(VideoStatus.COMPLETED);
    }

    @Test
    void progressNeverMovesBackwardsAndFailureSticks() {
        String v = newVideo();
        materializer.apply(started(v));
        materializer.apply(progress(v, 0.6));
        materializer.apply(progress(v, 0.4));
        assertThat(timelines.video(v).progress()).isCloseTo(0.3, within(1e-9));

        materializer.apply(failed(v, "the file is not a video"));
        materializer.apply(segment(v, 0, List.of()));
        VideoResource video = timelines.video(v);
        assertThat(video.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(video.error()).isEqualTo("the file is not a video");
    }

    @Test
    void recordsOfAnUnknownVideoAreSkipped() {
        String unknown = "never-submitted-" + UUID.randomUUID();
        materializer.apply(started(unknown));
        materializer.apply(segment(unknown, 0, List.of(instant(unknown, "shot.cut", 10, 0.9))));
        Long events = db.read("count", c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM events WHERE video_id = ?")) {
                ps.setString(1, unknown);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        assertThat(events).isZero();
    }

    private List<EventResource> motion(String v) {
        return timelines.events(v, List.of(MOTION), null, null, null, null, 100, null).items();
    }

    private VideoStatus status(String v) {
        return timelines.video(v).status();
    }

    private String newVideo() {
        return StoredVideos.insert(db, videos, "lecture.mp4");
    }

    private String snapshot(String v) {
        return StoredVideos.snapshot(db, v);
    }
}
