package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.model.LoadedModel;
import io.cuepoint.analyzer.model.ModelSession;
import io.cuepoint.analyzer.track.Detection;
import io.cuepoint.analyzer.vision.CenterNetTranslator;
import io.cuepoint.analyzer.vision.DetectedObject;
import io.cuepoint.analyzer.vision.Letterbox;
import io.cuepoint.analyzer.vision.RgbImage;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.List;
import java.util.Map;

/**
 * Objects: CenterNet (COCO's 80 classes) on the sampled images thinned to {@link ObjectConfig#fps()}
 * ({@link Samples#perSecond}), objects of the configured labels tracked through the segment (a track
 * never changes label).
 *
 * <p>Emits an {@code object.detected} instant per object sample and tracked object (lead-in ones with
 * {@code leadIn=true}) and an {@code object.present} interval per track; both carry the COCO label.
 * People are objects too (label {@code person}), tracked apart from the pose detector's people.
 */
public final class ObjectDetector extends TrackingDetector<DetectedObject> implements AutoCloseable {
    public static final String NAME = "objects";
    public static final String DETECTED = "object.detected";
    public static final String PRESENT = "object.present";

    private final ObjectConfig config;
    private final CenterNetTranslator translator;
    private final ModelSession session;
    private final String inputName;

    public ObjectDetector(ObjectConfig config, LoadedModel centernet) {
        super("object", DETECTED, PRESENT, centernet.producerId());
        this.config = config;
        this.translator = new CenterNetTranslator(config.minScore(), ObjectConfig.MAX_IOU, config.labels());
        this.inputName = centernet.inputNames().get(0);
        this.session = centernet.newSession();   // last: nothing after it can fail and leak the session
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    List<FrameRecord> samples(Segment segment) {
        return Samples.perSecond(segment, config.fps());
    }

    /** The objects of the configured labels CenterNet finds in one image. */
    @Override
    public List<DetectedObject> find(RgbImage image) {
        var letterbox = Letterbox.of(image.width(), image.height());
        return translator.output(session.run(Map.of(inputName, translator.input(image, letterbox))), letterbox);
    }

    @Override
    Detection detection(DetectedObject object) {
        return new Detection(object.box(), object.score(), object.label());
    }

    @Override
    void describe(EventBuilder instant, DetectedObject object) {
        instant.confidence(object.score()).box(object.box()).attribute("label", object.label());
    }

    @Override
    void describeTrack(EventBuilder present, List<SegmentTracks.Sighting<DetectedObject>> own, double meanScore) {
        present.attribute("label", own.get(0).value().label()).attribute("sampleCount", own.size())
                .attribute("meanScore", EventBuilder.round(meanScore));
    }

    @Override
    public void close() {
        session.close();
    }
}
