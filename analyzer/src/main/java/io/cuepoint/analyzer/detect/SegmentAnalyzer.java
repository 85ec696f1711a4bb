package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.SegmentEvents;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every configured detector on one segment and gathers their events into one
 * {@link SegmentEvents}. No Kafka here: the worker and tests share it. A detector that fails does not
 * take the others down; the result names it in {@link SegmentEvents#error()}. Not thread-safe (the
 * detectors may keep native state); use one per worker thread.
 */
public final class SegmentAnalyzer {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentAnalyzer.class);

    private final String analyzerVersion;
    private final List<SegmentDetector> detectors;
    private final DetectionContext context;
    private final Clock clock;

    /** The detectors the configuration names, from the standard registry. */
    public SegmentAnalyzer(AnalyzerConfig config) {
        this(config.analyzerVersion(), DetectorRegistry.standard().create(config), Clock.systemUTC());
    }

    public SegmentAnalyzer(String analyzerVersion, List<SegmentDetector> detectors, Clock clock) {
        this.analyzerVersion = analyzerVersion;
        this.detectors = List.copyOf(detectors);
        this.context = new DetectionContext(analyzerVersion);
        this.clock = clock;
    }

    public SegmentEvents analyze(Segment segment) {
        var events = new ArrayList<Event>();
        var errors = new ArrayList<String>();
        for (var detector : detectors) {
            try {
                events.addAll(detector.detect(segment, context));
            } catch (RuntimeException e) {
                LOG.warn("detector {} failed on segment {}/{}; publishing the other detectors' events",
                        detector.name(), segment.videoId(), segment.index(), e);
                errors.add(detector.name() + ": " + e);
            }
        }
        return new SegmentEvents(SegmentEvents.SCHEMA, segment.videoId(), segment.index(), analyzerVersion,
                segment.frames().size(), events, errors.isEmpty() ? null : String.join("; ", errors), clock.instant());
    }
}
