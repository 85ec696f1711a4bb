package io.cuepoint.api.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuepoint.analyzer.wire.AnalysisProgress;
import io.cuepoint.analyzer.wire.SegmentEvents;
import io.cuepoint.api.ApiTestBase;
import io.cuepoint.api.materialize.EventMaterializer;
import io.cuepoint.api.store.ArtifactRepository;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.StoredArtifact;
import io.cuepoint.api.store.VideoRepository;
import io.cuepoint.api.store.VideoStatus;
import io.cuepoint.api.timeline.EventResource;
import io.cuepoint.api.timeline.TimelineService;
import io.cuepoint.ingest.wire.DecodeProgress;
import io.cuepoint.ingest.wire.JobRequest;
import io.cuepoint.ingest.wire.ProgressRecord;
import io.cuepoint.ingest.wire.WireJson;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The api's side of the golden samples that ingest and the analyzer keep ({@code golden/*.json} in
 * their test jars): the records it consumes go through the real materializer into PostgreSQL, and the
 * job request it produces is the one ingest expects.
 */
@MicronautTest
class GoldenSamplesTest extends ApiTestBase {
    @Inject
    EventMaterializer materializer;
    @Inject
    TimelineService timelines;
    @Inject
    Database db;
    @Inject
    ArtifactRepository artifacts;
    @Inject
    VideoRepository videos;

    private static byte[] golden(String name) {
        try (var in = GoldenSamplesTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden/%s on the test classpath", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void video(String id) {
        db.inTransaction("test", c -> {
            videos.insert(c, id, "lecture.mp4", "/data/media/" + id + "/lecture.mp4", Instant.parse("2026-11-25T10:15:30Z"));
            return null;
        });
    }

    @Test
    void decodeProgressFillsTheVideosMediaAndSegmentCount() {
        byte[] bytes = golden("decode-progress.json");
        assertThat(ProgressRecord.kindOf(bytes)).isEqualTo(DecodeProgress.KIND);
        video("vid-0001");

        materializer.apply(WireJson.read(bytes, DecodeProgress.class));

        var video = timelines.video("vid-0001");
        assertThat(video.media().durationMs()).isEqualTo(100_080);
        assertThat(video.media().width()).isEqualTo(1280);
        assertThat(video.media().videoCodec()).isEqualTo("h264");
        assertThat(video.media().hasAudio()).isTrue();
        assertThat(video.counts().segmentsExpected()).isEqualTo(4);
        assertThat(video.counts().frames()).isEqualTo(3002);
        assertThat(video.status()).isNotEqualTo(VideoStatus.FAILED);
    }

    @Test
    void segmentEventsAreStoredAsTheAnalyzerWroteThem() {
        SegmentEvents segment = WireJson.read(golden("segment-events.json"), SegmentEvents.class);
        video(segment.videoId());

        materializer.apply(segment);

        List<EventResource> stored = timelines.events(segment.videoId(), List.of(), null, null, null, null, 100, null)
                .items();
        assertThat(stored).extracting(EventResource::id)
                .containsExactlyInAnyOrderElementsOf(segment.events().stream().map(e -> e.id()).toList());
        var cut = stored.stream().filter(e -> e.type().equals("shot.cut")).findFirst().orElseThrow();
        assertThat(cut.startFrame()).isEqualTo(760);
        assertThat(cut.confidence()).isEqualTo(0.88);
        assertThat(cut.producer().detector()).isEqualTo("shots");
        assertThat(timelines.video(segment.videoId()).counts().segmentsDone()).isEqualTo(1);
        var grid = db.read("test", c -> artifacts.find(c, segment.videoId(), "motion-grid", "s1")).orElseThrow();
        assertThat(grid.segment()).isEqualTo(1);
        assertThat(grid.artifact()).isEqualTo(segment.artifacts().get(0));

        materializer.apply(new SegmentEvents(segment.schema(), segment.videoId(), segment.segment(),
                segment.analyzer(), segment.frames(), segment.events(), List.of(), null, segment.at()));
        Optional<StoredArtifact> replayed = db.read("test",
                c -> artifacts.find(c, segment.videoId(), "motion-grid", "s1"));
        assertThat(replayed).as("a replay without the artifact removes it").isEmpty();
    }

    @Test
    void analysisProgressIsRecognisedByItsKind() {
        byte[] bytes = golden("analysis-progress.json");
        assertThat(ProgressRecord.kindOf(bytes)).isEqualTo(AnalysisProgress.KIND);
        var progress = WireJson.read(bytes, AnalysisProgress.class);
        assertThat(progress.state()).isEqualTo(AnalysisProgress.State.DONE);
        assertThat(progress.segment()).isEqualTo(1);
    }

    @Test
    void theJobRequestTheApiWritesIsTheOneIngestReads() throws IOException {
        var written = JobRequest.of("vid-0001", "/data/media/vid-0001/lecture.mp4", Instant.parse("2026-11-25T10:15:30Z"));
        JsonNode expected = WireJson.mapper().readTree(golden("job-request.json"));
        assertThat(WireJson.mapper().readTree(WireJson.write(written))).isEqualTo(expected);
    }
}
