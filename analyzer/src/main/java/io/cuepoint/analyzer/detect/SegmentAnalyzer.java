package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.SegmentEvents;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every configured detector on one segment and gathers their events into one
 * {@link SegmentEvents}, with the artifacts of those that make them ({@link ArtifactDetector}). No Kafka here: the worker and tests share it. A detector that fails does not
 * take the others down; the result names it in {@link SegmentEvents#error()}. Not thread-safe (the
 * detectors keep model sessions); use one per worker thread, and close it when the thread is done.
 */
public final class SegmentAnalyzer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentAnalyzer.class);

    private final String analyzerVersion;
    private final List<SegmentDetector> detectors;
    private final DetectionContext context;
    private final Clock clock;
    private final SharedModels.Lease lease;

    /**
     * The detectors the configuration names, from the standard registry, on the process's shared models.
     *
     * @throws io.cuepoint.analyzer.AnalyzerException for an unknown detector or a model that cannot be loaded
     */
    public SegmentAnalyzer(AnalyzerConfig config) {
        this(config, ProcessModels.shared(config.models()));
    }

    /** The standard registry's detectors on the given shared models, which load what they need now. */
    public SegmentAnalyzer(AnalyzerConfig config, SharedModels models) {
        OpenCvThreads.useCallingThreadOnly();
        var registry = DetectorRegistry.standard();
        this.lease = models.acquire(registry.models(config));
        try {
            this.detectors = registry.create(config, lease.models());
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
        this.analyzerVersion = config.analyzerVersion();
        this.context = new DetectionContext(analyzerVersion);
        this.clock = Clock.systemUTC();
    }

    /** Ready-made detectors; closing the analyzer closes those holding resources. */
    public SegmentAnalyzer(String analyzerVersion, List<SegmentDetector> detectors, Clock clock) {
        this.analyzerVersion = analyzerVersion;
        this.detectors = List.copyOf(detectors);
        this.context = new DetectionContext(analyzerVersion);
        this.clock = clock;
        this.lease = null;
    }

    public SegmentEvents analyze(Segment segment) {
        long started = System.nanoTime();
        var events = new ArrayList<Event>();
        var artifacts = new ArrayList<Artifact>();
        var errors = new ArrayList<String>();
        for (var detector : detectors) {
            try {
                if (detector instanceof DerivedDetector derived) {
                    var output = derived.derive(segment, List.copyOf(events), context);
                    events.addAll(output.events());
                    artifacts.addAll(output.artifacts());
                } else if (detector instanceof ArtifactDetector producer) {
                    var output = producer.analyze(segment, context);
                    events.addAll(output.events());
                    artifacts.addAll(output.artifacts());
                } else {
                    events.addAll(detector.detect(segment, context));
                }
            } catch (RuntimeException e) {
                LOG.warn("detector {} failed on segment {}/{}; publishing the other detectors' events",
                        detector.name(), segment.videoId(), segment.index(), e);
                errors.add(detector.name() + ": " + e);
            }
        }
        SegmentMetrics.analyzed(!errors.isEmpty(), started);
        return new SegmentEvents(SegmentEvents.SCHEMA, segment.videoId(), segment.index(), analyzerVersion,
                segment.frames().size(), events, artifacts, errors.isEmpty() ? null : String.join("; ", errors), clock.instant());
    }

    /** Closes the detectors' model sessions and lets go of the shared models. */
    @Override
    public void close() {
        detectors.forEach(DetectorRegistry::closeQuietly);
        if (lease != null) {
            lease.close();
        }
    }
}
