package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Event;
import java.util.List;

/**
 * A detector that also produces artifacts (keyframe images, motion grids) which the api stores and
 * serves. The same determinism rule applies: a replayed segment yields the same artifacts with the same
 * names.
 */
public interface ArtifactDetector extends SegmentDetector {
    /** Analyses one segment into events and artifacts. */
    DetectorOutput analyze(Segment segment, DetectionContext ctx);

    @Override
    default List<Event> detect(Segment segment, DetectionContext ctx) {
        return analyze(segment, ctx).events();
    }
}
