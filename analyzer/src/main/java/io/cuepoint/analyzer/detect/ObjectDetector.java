package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.model.LoadedModel;
import io.cuepoint.analyzer.model.ModelSession;
import io.cuepoint.analyzer.track.Detection;
import io.cuepoint.analyzer.vision.CenterNetTranslator;
import io.cuepoint.analyzer.vision.DetectedObject;
import io.cuepoint.analyzer.vision.Letterbox;
import io.cuepoint.analyzer.vision.RgbImage;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
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
public final class ObjectDetector implements SegmentDetector, AutoCloseable {
    public static final String NAME = "objects";
    public static final String DETECTED = "object.detected";
    public static final String PRESENT = "object.present";

    private final ObjectConfig config;
    private final CenterNetTranslator translator;
    private final ModelSession session;
    private final String inputName;
    private final String modelId;

    public ObjectDetector(ObjectConfig config, LoadedModel centernet) {
        this.config = config;
        this.translator = new CenterNetTranslator(config.minScore(), ObjectConfig.MAX_IOU, config.labels());
        this.inputName = centernet.inputNames().get(0);
        this.session = centernet.newSession();   // last: nothing after it can fail and leak the session
        this.modelId = centernet.producerId();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Event> detect(Segment segment, DetectionContext ctx) {
        var tracks = new SegmentTracks<DetectedObject>("object", segment.index());
        var events = new ArrayList<Event>();
        var leadIn = Samples.leadIn(segment);
        if (leadIn != null) {
            sample(segment, ctx, tracks, leadIn, true, events);
        }
        var samples = Samples.perSecond(segment, config.fps());
        for (var frame : samples) {
            sample(segment, ctx, tracks, frame, false, events);
        }
        for (var track : tracks.tracks()) {
            var builder = SegmentTracks.interval(ctx.builder(segment, NAME, PRESENT), segment, track, samples);
            if (builder != null) {
                var own = track.own();
                double mean = own.stream().mapToDouble(s -> s.value().score()).average().orElse(0);
                events.add(builder.confidence(mean).model(modelId).attribute("label", own.get(0).value().label())
                        .attribute("sampleCount", own.size()).attribute("meanScore", EventBuilder.round(mean)).build());
            }
        }
        return events;
    }

    private void sample(Segment segment, DetectionContext ctx, SegmentTracks<DetectedObject> tracks,
                        FrameRecord frame, boolean leadIn, List<Event> events) {
        var image = Samples.image(frame, NAME);
        if (image == null) {
            return;
        }
        var objects = find(image);
        var sightings = tracks.add(frame, leadIn, objects, o -> new Detection(o.box(), o.score(), o.label()));
        for (var sighting : sightings) {
            if (sighting == null) {
                continue;
            }
            var object = sighting.value();
            var builder = ctx.builder(segment, NAME, DETECTED).track(sighting.track()).at(frame).model(modelId)
                    .confidence(object.score()).box(object.box()).attribute("label", object.label());
            if (leadIn) {
                builder.attribute("leadIn", true);
            }
            events.add(builder.build());
        }
    }

    /** The objects of the configured labels CenterNet finds in one image. */
    public List<DetectedObject> find(RgbImage image) {
        var letterbox = Letterbox.of(image.width(), image.height());
        return translator.output(session.run(Map.of(inputName, translator.input(image, letterbox))), letterbox);
    }

    @Override
    public void close() {
        session.close();
    }
}
