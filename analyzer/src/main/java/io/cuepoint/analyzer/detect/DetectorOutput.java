package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.analyzer.wire.Event;
import java.util.List;

/**
 * What an {@link ArtifactDetector} found in one segment: its events and the binary artifacts that go with
 * them.
 */
public record DetectorOutput(List<Event> events, List<Artifact> artifacts) {
    public DetectorOutput {
        events = List.copyOf(events);
        artifacts = List.copyOf(artifacts);
    }
}
