package io.cuepoint.api.materialize;

import io.cuepoint.analyzer.wire.Box;
import io.cuepoint.analyzer.wire.EventIds;
import io.cuepoint.analyzer.wire.SegmentEvents;
import io.cuepoint.api.ApiTestBase;
import io.cuepoint.api.TrackedScene;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.StoredVideos;
import io.cuepoint.api.store.VideoRepository;
import io.cuepoint.api.timeline.EventResource;
import io.cuepoint.api.timeline.TimelineService;
import io.cuepoint.api.timeline.TrackResource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cuepoint.api.TrackedScene.firstSample;
import static io.cuepoint.api.TrackedScene.lastFrame;
import static io.cuepoint.api.TrackedScene.moving;
import static io.cuepoint.api.TrackedScene.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/** Joining segment-local tracks across segment boundaries, against the real PostgreSQL. */
@MicronautTest
class TrackJoiningTest extends ApiTestBase {
    private static final TrackedScene.Path WALKER = moving(0.05, 0.7 / 2250, 0.15, 0.2, 0.9);

    @Inject
    EventMaterializer materializer;
    @Inject
    TimelineService timelines;
    @Inject
    Database db;
    @Inject
    VideoRepository videos;

    @Test
    void aPersonWalkingThroughThreeSegmentsIsOneTrack() {
        String v = newVideo();
        var scene = new TrackedScene(v, 3)
                .seen(0, "person-s0-1", 0, lastFrame(0), WALKER)
                .seen(1, "person-s1-1", lastFrame(0), lastFrame(1), WALKER)
                .seen(2, "person-s2-1", lastFrame(1), lastFrame(2), WALKER);
        scene.segments().forEach(materializer::apply);

        assertThat(timelines.timeline(v).spatialTracks()).containsExactly(new TrackResource("person-s0-1", "person",
                "person", ms(49), ms(2249), 45, List.of("person.pose", "person.present")));
        List<EventResource> events = events(v, "person-s0-1");
        assertThat(events).hasSize(46).allSatisfy(e -> assertThat(e.track()).isEqualTo("person-s0-1"));
        // The lead-in instants (frames 749 and 1499, seen again by segments 1 and 2) are not served twice.
        List<EventResource> poses = events.stream().filter(e -> e.type().equals("person.pose")).toList();
        assertThat(poses).extracting(EventResource::startFrame).doesNotHaveDuplicates().hasSize(45);
        assertThat(poses).noneSatisfy(e -> assertThat(e.attributes()).containsKey("leadIn"));
        EventResource boundary = poses.stream().filter(e -> e.startFrame() == 749).findFirst().orElseThrow();
        assertThat(boundary.box()).isEqualTo(WALKER.at(749));
        // Ids stay those of the local tracks: replays and other analyzers give the same ones.
        EventResource inSegment1 = poses.stream().filter(e -> e.startFrame() == 799).findFirst().orElseThrow();
        assertThat(inSegment1.id()).isEqualTo(EventIds.of(v, "pose", "person.pose", 799, "person-s1-1"));

        List<EventResource> present = events.stream().filter(e -> e.type().equals("person.present")).toList();
        assertThat(present).hasSize(1);
        EventResource whole = present.get(0);
        assertThat(whole.id()).isEqualTo(EventIds.of(v, "pose", "person.present", 49, "person-s0-1"));
        assertThat(whole.startMs()).isEqualTo(ms(49));
        assertThat(whole.endMs()).isEqualTo(ms(2249));
        assertThat(whole.attributes()).containsEntry("sampleCount", 45);
        assertThat(timelines.video(v).counts().events()).isEqualTo(46);
    }

    @Test
    void peopleCrossingAtABoundaryKeepTheirIds() {
        String v = newVideo();
        var segments = TrackedScene.classroom(v).segments();
        materializer.apply(segments.get(1));
        materializer.apply(segments.get(0));

        // Segment 1 numbered B first: person-s1-1 continues person-s0-2, person-s1-2 continues person-s0-1.
        List<EventResource> a = events(v, "person-s0-1");
        List<EventResource> b = events(v, "person-s0-2");
        assertThat(pose(a, 1499).id()).isEqualTo(EventIds.of(v, "pose", "person.pose", 1499, "person-s1-2"));
        assertThat(pose(b, 1449).id()).isEqualTo(EventIds.of(v, "pose", "person.pose", 1449, "person-s1-1"));
        // A keeps walking right and B left after the boundary, where they had overlapped.
        assertThat(pose(a, 1499).box().left()).isCloseTo(0.45, within(1e-9));
        assertThat(pose(b, 1449).box().left()).isCloseTo(0.22, within(1e-9));
        assertThat(present(a)).extracting(EventResource::startMs, EventResource::endMs)
                .containsExactly(tuple(ms(49), ms(1499)));
        assertThat(present(b)).extracting(EventResource::startMs, EventResource::endMs)
                .containsExactly(tuple(ms(49), ms(1449)));
        assertThat(events(v, "person-s1-1")).isEmpty();
        assertThat(events(v, "person-s1-2")).isEmpty();
    }

    @Test
    void aLeadInWithoutCounterpartOrNoLeadInStartsANewTrack() {
        String v = newVideo();
        TrackedScene.Path elsewhere = f -> new Box(0.70, 0.2, 0.85, 0.9);
        new TrackedScene(v, 3)
                .seen(0, "person-s0-1", 0, lastFrame(0), WALKER)
                // Its lead-in instant overlaps nothing segment 0 saw at frame 749.
                .seen(1, "person-s1-1", lastFrame(0), lastFrame(1), elsewhere)
                // Segment 2's lead-in was not sampled: no lead-in instants, no join (documented limitation).
                .seen(2, "person-s2-1", firstSample(2), lastFrame(2), elsewhere)
                .segments().forEach(materializer::apply);

        assertThat(timelines.timeline(v).spatialTracks()).extracting(TrackResource::id, TrackResource::startMs,
                TrackResource::endMs, TrackResource::sampleCount).containsExactly(
                tuple("person-s0-1", ms(49), ms(749), 15L),
                tuple("person-s1-1", ms(799), ms(1499), 15L),
                tuple("person-s2-1", ms(1549), ms(2249), 15L));
        assertThat(present(events(v, "person-s1-1"))).singleElement()
                .satisfies(e -> assertThat(e.attributes()).containsEntry("sampleCount", 15));
    }

    @Test
    void expressionFragmentsMergeOnlyWhenTheExpressionAgrees() {
        String v = newVideo();
        var segments = TrackedScene.classroom(v).segments();
        for (int i : new int[] {2, 0, 1}) {
            materializer.apply(segments.get(i));
        }
        List<EventResource> face = events(v, "face-s0-1");
        List<EventResource> expressions = face.stream().filter(e -> e.type().equals("face.expression")).toList();
        assertThat(expressions).extracting(e -> e.attributes().get("expression"), EventResource::startMs,
                EventResource::endMs).containsExactly(
                tuple("happy", ms(499), ms(749)),
                tuple("neutral", ms(799), ms(1199)),
                tuple("happy", ms(1249), ms(1799)));
        // Duration-weighted over 10 s at 0.8 and 10 s at 0.9.
        assertThat(((Number) expressions.get(2).attributes().get("score")).doubleValue()).isCloseTo(0.85, within(1e-9));
        assertThat(present(face)).singleElement().satisfies(e -> {
            assertThat(e.startMs()).isEqualTo(ms(49));
            assertThat(e.endMs()).isEqualTo(ms(2249));
            assertThat(e.attributes()).containsEntry("sampleCount", 45).containsEntry("facingShare", 1.0);
        });
        assertThat(timelines.timeline(v).spatialTracks()).extracting(TrackResource::id, TrackResource::kind,
                TrackResource::label).containsExactly(
                tuple("face-s0-1", "face", "face"),
                tuple("object-s0-1", "object", "laptop"),
                tuple("person-s0-1", "person", "person"),
                tuple("person-s0-2", "person", "person"));
    }

    @Test
    void replayingSegmentsLeavesTheDatabaseUnchanged() {
        String v = newVideo();
        var segments = TrackedScene.classroom(v).segments();
        segments.forEach(materializer::apply);
        String once = snapshot(v);
        assertThat(once).contains("person-s1-2");

        for (int i : new int[] {1, 2, 0, 1}) {
            materializer.apply(segments.get(i));
        }
        assertThat(snapshot(v)).isEqualTo(once);
    }

    @Test
    void aMiddleSegmentArrivingLastLinksTwoServedChains() {
        String v = newVideo();
        List<SegmentEvents> segments = TrackedScene.classroom(v).segments();
        materializer.apply(segments.get(0));
        materializer.apply(segments.get(2));
        assertThat(timelines.timeline(v).spatialTracks()).extracting(TrackResource::id)
                .contains("person-s0-1", "person-s2-1");

        materializer.apply(segments.get(1));
        assertThat(timelines.timeline(v).spatialTracks()).extracting(TrackResource::id)
                .containsExactly("face-s0-1", "object-s0-1", "person-s0-1", "person-s0-2");
        assertThat(present(events(v, "person-s0-1"))).singleElement()
                .satisfies(e -> assertThat(e.endMs()).isEqualTo(ms(2249)));
        assertThat(events(v, "person-s2-1")).isEmpty();
    }

    private static EventResource pose(List<EventResource> events, long frame) {
        return events.stream().filter(e -> e.type().equals("person.pose") && e.startFrame() == frame).findFirst()
                .orElseThrow();
    }

    private static List<EventResource> present(List<EventResource> events) {
        return events.stream().filter(e -> e.type().endsWith(".present")).toList();
    }

    private List<EventResource> events(String v, String track) {
        return timelines.events(v, List.of(), track, null, null, null, 1000, null).items();
    }

    private String newVideo() {
        return StoredVideos.insert(db, videos, "ward.mp4");
    }

    private String snapshot(String v) {
        return StoredVideos.snapshot(db, v);
    }
}
