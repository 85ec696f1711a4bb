package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Event;
import java.util.List;

/**
 * The one interface in front of every analysis. An implementation looks at one complete segment and
 * returns its events. It must be deterministic: the same segment yields the same events with the same
 * ids ({@link io.cuepoint.analyzer.wire.EventIds}), because segments are analysed at least once and
 * replays must upsert, not duplicate. Instances are used by one thread at a time.
 */
public interface SegmentDetector {
    /** The name used in configuration, in event ids and in the events' producer. */
    String name();

    /**
     * Analyses one segment.
     *
     * @throws RuntimeException when it cannot; the segment's other detectors still publish
     */
    List<Event> detect(Segment segment, DetectionContext ctx);
}
