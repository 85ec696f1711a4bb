package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Event;
import java.util.List;

/**
 * A detector that reads what other detectors found in the same segment (presenter cues from poses and
 * faces, hand skills from wrists) instead of looking at pixels again. The {@link SegmentAnalyzer} runs it
 * after the detectors it names in {@link #inputs()}, which the configuration must list before it, and hands
 * it their events. Same determinism rule as every detector.
 */
public interface DerivedDetector extends SegmentDetector {
    /** The detectors whose events it reads; each must be configured, and configured before this one. */
    List<String> inputs();

    /**
     * Derives events from one segment.
     *
     * @param upstream the events of the detectors that ran before it on this segment (at least its inputs')
     */
    DetectorOutput derive(Segment segment, List<Event> upstream, DetectionContext ctx);

    @Override
    default List<Event> detect(Segment segment, DetectionContext ctx) {
        return derive(segment, List.of(), ctx).events();
    }
}
