package io.cuepoint.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.AnalyzerException;
import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.wire.FrameRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentAnalyzerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC);
    private final AnalyzerConfig config = AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.DETECTORS, "shots,motion"));
    private final SegmentAnalyzer analyzer = new SegmentAnalyzer(config.analyzerVersion(),
            DetectorRegistry.standard().create(config), CLOCK);

    @Test
    void runsEveryConfiguredDetector() {
        var video = new SyntheticVideo("v", 50, 50, Set.of(20), Set.of(), 6);
        var result = analyzer.analyze(video.segment(0));
        assertThat(result.videoId()).isEqualTo("v");
        assertThat(result.frames()).isEqualTo(50);
        assertThat(result.error()).isNull();
        assertThat(result.at()).isEqualTo(CLOCK.instant());
        assertThat(result.events()).extracting(e -> e.producer().detector()).contains("shots", "motion");
    }

    @Test
    void aFailingDetectorIsNamedAndTheOthersStillReport() {
        // Sampled frames whose analysis image is not a JPEG: the motion detector cannot decode them.
        var video = new SyntheticVideo("v", 50, 50, Set.of(20), Set.of(), 6);
        var s = video.segment(0);
        var broken = s.frames().stream().map(f -> f.sampled()
                ? new FrameRecord(f.schema(), f.videoId(), f.segment(), f.frame(), f.ptsMs(), false, f.thumbWidth(),
                f.thumbHeight(), f.thumbnail(), new byte[] {1, 2, 3}, 4, 3) : f).toList();

        var result = analyzer.analyze(new Segment(null, broken, null, s.end()));

        assertThat(result.error()).startsWith("motion: ").contains("JPEG");
        assertThat(result.events()).extracting(Event::type).containsExactly("shot.cut");
        assertThat(result.events().get(0).startFrame()).isEqualTo(20);
    }

    @Test
    void artifactsOfArtifactDetectorsTravelWithTheEvents() {
        var segment = new SyntheticVideo("v", 50, 50, Set.of(20), Set.of(), 6).segment(0);
        ArtifactDetector keyframes = new ArtifactDetector() {
            @Override
            public String name() {
                return "keyframes";
            }

            @Override
            public DetectorOutput analyze(Segment s, DetectionContext ctx) {
                var first = s.frames().get(0);
                return new DetectorOutput(List.of(), List.of(new Artifact(Artifact.KEYFRAME, "f" + first.frame(),
                        "image/jpeg", first.frame(), first.ptsMs(), first.ptsMs(), Map.of(), first.thumbnail())));
            }
        };
        ArtifactDetector broken = new ArtifactDetector() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public DetectorOutput analyze(Segment s, DetectionContext ctx) {
                throw new IllegalStateException("no keyframe today");
            }
        };
        var withArtifacts = new SegmentAnalyzer("1.0.0", List.of(keyframes, broken,
                DetectorRegistry.standard().create(config).get(0)), CLOCK);

        var result = withArtifacts.analyze(segment);

        assertThat(result.artifacts()).extracting(Artifact::name).containsExactly("f0");
        assertThat(result.artifacts().get(0).data()).isEqualTo(segment.frames().get(0).thumbnail());
        assertThat(result.error()).isEqualTo("broken: java.lang.IllegalStateException: no keyframe today");
        assertThat(result.events()).extracting(Event::type).containsExactly("shot.cut");
    }

    @Test
    void unknownDetectorNameFailsAtStartUpNamingTheKey() {
        var bad = AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.DETECTORS, "shots,gestures"));
        assertThatThrownBy(() -> new SegmentAnalyzer(bad)).isInstanceOf(AnalyzerException.class)
                .hasMessageContaining("CUEPOINT_DETECTORS").hasMessageContaining("gestures");
    }
}
