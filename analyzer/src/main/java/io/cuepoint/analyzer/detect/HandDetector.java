package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.model.LoadedModel;
import io.cuepoint.analyzer.model.ModelSession;
import io.cuepoint.analyzer.track.Detection;
import io.cuepoint.analyzer.vision.Hand;
import io.cuepoint.analyzer.vision.HandTrackTranslator;
import io.cuepoint.analyzer.vision.RgbImage;
import io.cuepoint.ingest.wire.FrameRecord;
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
public final class HandDetector extends TrackingDetector<Hand> implements AutoCloseable {
    public static final String NAME = "hands";
    public static final String DETECTED = "hand.detected";
    public static final String PRESENT = "hand.present";
    /** The tracker matches hands of any class: one label for all. */
    private static final String TRACK_LABEL = "hand";

    private final HandConfig config;
    private final HandTrackTranslator translator;
    private final ModelSession session;
    private final String inputName;

    public HandDetector(HandConfig config, LoadedModel handtrack) {
        super("hand", DETECTED, PRESENT, handtrack.producerId());
        this.config = config;
        this.translator = new HandTrackTranslator(config.minScore(), HandConfig.MAX_IOU, config.maxHands());
        this.inputName = handtrack.inputNames().get(0);
        this.session = handtrack.newSession();   // last: nothing after it can fail and leak the session
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    List<FrameRecord> samples(Segment segment) {
        return config.everySample() ? Samples.all(segment) : Samples.perSecond(segment, config.fps());
    }

    /** The hands HandTrack finds in one image, most confident first. */
    @Override
    public List<Hand> find(RgbImage image) {
        return translator.output(session.run(Map.of(inputName, translator.input(image))));
    }

    @Override
    Detection detection(Hand hand) {
        return new Detection(hand.box(), hand.score(), TRACK_LABEL);
    }

    @Override
    void describe(EventBuilder instant, Hand hand) {
        instant.confidence(hand.score()).box(hand.box()).attribute("label", hand.label());
    }

    @Override
    void describeTrack(EventBuilder present, List<SegmentTracks.Sighting<Hand>> own, double meanScore) {
        present.attribute("sampleCount", own.size()).attribute("meanScore", EventBuilder.round(meanScore));
        for (var label : HandTrackTranslator.HAND_LABELS) {
            present.attribute(label + "Count", (int) own.stream().filter(s -> s.value().label().equals(label)).count());
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
