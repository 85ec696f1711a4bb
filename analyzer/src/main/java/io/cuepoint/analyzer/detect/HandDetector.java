package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.model.LoadedModel;
import io.cuepoint.analyzer.model.ModelSession;
import io.cuepoint.analyzer.track.Detection;
import io.cuepoint.analyzer.vision.Hand;
import io.cuepoint.analyzer.vision.HandTrackTranslator;
import io.cuepoint.analyzer.vision.RgbImage;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hands: HandTrack on every sampled image (or those thinned to {@link HandConfig#fps()}), hands tracked
 * through the segment whatever their pose class (a hand that opens stays one track).
 *
 * <p>Emits a {@code hand.detected} instant per hand sample and tracked hand (lead-in ones with
 * {@code leadIn=true}; attribute {@code label}: hand (open), fist, pinch or point) and a {@code hand.present}
 * interval per track with {@code sampleCount}, {@code meanScore} and the samples per class
 * ({@code handCount}, {@code fistCount}, {@code pinchCount}, {@code pointCount}). Unlike an object track a
 * hand track has no one label (a hand opens and closes); counts rather than a label let the api merge the
 * pieces of a track that crosses segments, summing them. Which person a hand belongs to is not known here;
 * the skills detector pairs hands with wrists.
 */
public final class HandDetector implements SegmentDetector, AutoCloseable {
    public static final String NAME = "hands";
    public static final String DETECTED = "hand.detected";
    public static final String PRESENT = "hand.present";
    /** The tracker matches hands of any class: one label for all. */
    private static final String TRACK_LABEL = "hand";

    private final HandConfig config;
    private final HandTrackTranslator translator;
    private final ModelSession session;
    private final String inputName;
    private final String modelId;

    public HandDetector(HandConfig config, LoadedModel handtrack) {
        this.config = config;
        this.translator = new HandTrackTranslator(config.minScore(), HandConfig.MAX_IOU, config.maxHands());
        this.inputName = handtrack.inputNames().get(0);
        this.session = handtrack.newSession();   // last: nothing after it can fail and leak the session
        this.modelId = handtrack.producerId();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Event> detect(Segment segment, DetectionContext ctx) {
        var tracks = new SegmentTracks<Hand>("hand", segment.index());
        var events = new ArrayList<Event>();
        var leadIn = Samples.leadIn(segment);
        if (leadIn != null) {
            sample(segment, ctx, tracks, leadIn, true, events);
        }
        var samples = config.everySample() ? Samples.all(segment) : Samples.perSecond(segment, config.fps());
        for (var frame : samples) {
            sample(segment, ctx, tracks, frame, false, events);
        }
        for (var track : tracks.tracks()) {
            var builder = SegmentTracks.interval(ctx.builder(segment, NAME, PRESENT), segment, track, samples);
            if (builder != null) {
                var own = track.own();
                double mean = own.stream().mapToDouble(s -> s.value().score()).average().orElse(0);
                builder.confidence(mean).model(modelId).attribute("sampleCount", own.size())
                        .attribute("meanScore", EventBuilder.round(mean));
                for (var label : HandTrackTranslator.HAND_LABELS) {
                    builder.attribute(label + "Count", (int) own.stream().filter(s -> s.value().label().equals(label)).count());
                }
                events.add(builder.build());
            }
        }
        return events;
    }

    private void sample(Segment segment, DetectionContext ctx, SegmentTracks<Hand> tracks, FrameRecord frame,
                        boolean leadIn, List<Event> events) {
        var image = Samples.image(frame, NAME);
        if (image == null) {
            return;
        }
        var sightings = tracks.add(frame, leadIn, find(image), h -> new Detection(h.box(), h.score(), TRACK_LABEL));
        for (var sighting : sightings) {
            if (sighting == null) {
                continue;
            }
            var hand = sighting.value();
            var builder = ctx.builder(segment, NAME, DETECTED).track(sighting.track()).at(frame).model(modelId)
                    .confidence(hand.score()).box(hand.box()).attribute("label", hand.label());
            if (leadIn) {
                builder.attribute("leadIn", true);
            }
            events.add(builder.build());
        }
    }

    /** The hands HandTrack finds in one image, most confident first. */
    public List<Hand> find(RgbImage image) {
        return translator.output(session.run(Map.of(inputName, translator.input(image))));
    }

    @Override
    public void close() {
        session.close();
    }
}
