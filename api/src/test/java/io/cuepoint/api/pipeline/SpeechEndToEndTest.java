package io.cuepoint.api.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.audio.SpeechVideos;
import io.cuepoint.api.embedded.AllInOne;
import io.cuepoint.api.embedded.LocalAnalysis;
import io.cuepoint.api.timeline.EventResource;
import io.cuepoint.ingest.IngestConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Speech end to end on the all-in-one: an MP4 with AAC sound of espeak-ng speech and two inserted 1.5 s
 * silences, one across the 30 s segment boundary ({@link SpeechVideos}), through decoding, the broker, the
 * speech detector and the materializer. The pause that the boundary cut in two is stored as one event.
 */
class SpeechEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void thePauseAcrossTheSegmentBoundaryIsOneEventWithItsWholeDuration() throws Exception {
        var clip = SpeechVideos.write(Path.of("target", "speech-videos").toAbsolutePath(),
                SpeechVideos.Format.MP4_AAC);
        var analyzer = AnalyzerConfig.fromEnvironment(Map.of(AnalyzerConfig.DETECTORS, "speech"));
        var options = LocalAnalysis.options(dir.resolve("data"), IngestConfig.defaults(), analyzer,
                List.of(clip.file().getParent()));
        try (var cuepoint = AllInOne.start(options)) {
            var result = LocalAnalysis.analyze(cuepoint, clip.file(), (state, fraction) -> { });
            assertThat(result.completed()).isTrue();
            var events = result.export().events();
            long silenceStart = clip.pausesMs()[1];
            long silenceEnd = silenceStart + SpeechVideos.PAUSE_MS;

            var across = of(events, "speech.pause").stream()
                    .filter(e -> e.startMs() < 30_000 && e.endMs() > 30_000).toList();
            assertThat(across).singleElement().satisfies(e -> {
                assertThat(e.startMs()).isCloseTo(silenceStart, within(100L));
                assertThat(e.endMs()).isCloseTo(silenceEnd, within(100L));
                assertThat(((Number) e.attributes().get("durationMs")).longValue()).isEqualTo(e.endMs() - e.startMs());
            });
            // Nothing else of it is left: no stored piece of a pause starts or ends at the boundary.
            assertThat(of(events, "speech.pause")).noneMatch(e -> e.startMs() == 30_000 || e.endMs() == 30_000);
            assertThat(of(events, "speech.active")).anySatisfy(e -> {
                assertThat(e.endMs()).isCloseTo(silenceStart, within(100L));
                assertThat(e.startMs()).isLessThan(silenceStart - 1000);
            });
            assertThat(of(events, "speech.active")).anySatisfy(e -> {
                assertThat(e.startMs()).isCloseTo(silenceEnd, within(100L));
                assertThat(e.endMs()).isGreaterThan(silenceEnd + 1000);
            });
        }
    }

    private static List<EventResource> of(List<EventResource> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }
}
