package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.track.Detection;
import io.cuepoint.analyzer.vision.RgbImage;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * A detector whose model finds boxed things on analysis images, tracked through the segment
 * ({@link SegmentTracks}). It runs the model on the lead-in, when that carries an image, and then on its
 * samples in time order, and emits an instant per sample and tracked thing, in that order, followed by a
 * present interval per track ({@link SegmentTracks#interval}) in order of first appearance. The lead-in's
 * instants carry {@code leadIn=true}: the api joins this segment's tracks to the previous segment's with
 * them. An interval's confidence is its track's mean score over the segment's own samples.
 *
 * <p>A subclass says which samples it looks at, what its model finds and what its events carry; it owns
 * its model session.
 *
 * @param <T> what the model finds in one image (a pose, a hand, an object)
 */
abstract class TrackingDetector<T> implements SegmentDetector {
    private final String kind;
    private final String instantType;
    private final String presentType;
    private final String modelId;

    /**
     * @param kind        names the tracks: {@code <kind>-s<segment>-<n>}
     * @param instantType the type of the per-sample instants
     * @param presentType the type of the per-track intervals
     * @param modelId     the producing model, {@link io.cuepoint.analyzer.model.LoadedModel#producerId()}
     */
    TrackingDetector(String kind, String instantType, String presentType, String modelId) {
        this.kind = kind;
        this.instantType = instantType;
        this.presentType = presentType;
        this.modelId = modelId;
    }

    /** The frames to look at besides the lead-in, in time order. */
    abstract List<FrameRecord> samples(Segment segment);

    /** What the model finds in one image. */
    abstract List<T> find(RgbImage image);

    /** The thing as the tracker sees it; its score is also what a track's interval averages. */
    abstract Detection detection(T thing);

    /** Adds confidence, box and the attributes to a sample's instant, which has its track, frame and model. */
    abstract void describe(EventBuilder instant, T thing);

    /**
     * Adds the attributes to a track's interval, which has its span, confidence and model.
     *
     * @param own       the track's sightings within the segment (lead-in excluded), never empty
     * @param meanScore their mean score, the interval's confidence
     */
    abstract void describeTrack(EventBuilder present, List<SegmentTracks.Sighting<T>> own, double meanScore);

    @Override
    public final List<Event> detect(Segment segment, DetectionContext ctx) {
        var tracks = new SegmentTracks<T>(kind, segment.index());
        var events = new ArrayList<Event>();
        var leadIn = Samples.leadIn(segment);
        if (leadIn != null) {
            sample(segment, ctx, tracks, leadIn, true, events);
        }
        var samples = samples(segment);
        for (var frame : samples) {
            sample(segment, ctx, tracks, frame, false, events);
        }
        for (var track : tracks.tracks()) {
            var builder = SegmentTracks.interval(ctx.builder(segment, name(), presentType), segment, track, samples);
            if (builder != null) {
                var own = track.own();
                double mean = own.stream().mapToDouble(s -> detection(s.value()).score()).average().orElse(0);
                describeTrack(builder.confidence(mean).model(modelId), own, mean);
                events.add(builder.build());
            }
        }
        return events;
    }

    private void sample(Segment segment, DetectionContext ctx, SegmentTracks<T> tracks, FrameRecord frame,
                        boolean leadIn, List<Event> events) {
        var image = Samples.image(frame, name());
        if (image == null) {
            return;
        }
        for (var sighting : tracks.add(frame, leadIn, find(image), this::detection)) {
            if (sighting == null) {
                continue;
            }
            var builder = ctx.builder(segment, name(), instantType).track(sighting.track()).at(frame).model(modelId);
            describe(builder, sighting.value());
            if (leadIn) {
                builder.attribute("leadIn", true);
            }
            events.add(builder.build());
        }
    }
}
