package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.model.LoadedModel;
import io.cuepoint.analyzer.model.ModelSession;
import io.cuepoint.analyzer.track.Detection;
import io.cuepoint.analyzer.vision.MoveNetTranslator;
import io.cuepoint.analyzer.vision.Pose;
import io.cuepoint.analyzer.vision.RgbImage;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * People and their poses: MoveNet on every sampled image, people tracked through the segment.
 *
 * <p>Emits per sample and person a {@code person.pose} instant (17 named keypoints, box around the
 * confident ones, confidence = mean keypoint score) and per track a {@code person.present} interval.
 * When the lead-in carries an analysis image it is analysed too and its instants carry
 * {@code leadIn=true}: the api joins this segment's tracks to the previous segment's with them. A
 * person counts when the model's person score reaches {@link PoseConfig#minScore()} and at least
 * {@value #MIN_KEYPOINTS} keypoints are confident; the keypoints' left and right are the model's, not
 * corrected (people facing away are common in teaching rooms).
 */
public final class PoseDetector implements SegmentDetector, AutoCloseable {
    public static final String NAME = "pose";
    public static final String POSE = "person.pose";
    public static final String PRESENT = "person.present";
    static final int MIN_KEYPOINTS = 3;

    private final PoseConfig config;
    private final MoveNetTranslator translator;
    private final ModelSession session;
    private final String inputName;
    private final String modelId;

    /** @param model the configured MoveNet; this detector opens its own session on it */
    public PoseDetector(PoseConfig config, LoadedModel model) {
        this.config = config;
        this.translator = new MoveNetTranslator(config.model().inputSize());
        this.inputName = model.inputNames().get(0);
        this.session = model.newSession();   // last: nothing after it can fail and leak the session
        this.modelId = model.producerId();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Event> detect(Segment segment, DetectionContext ctx) {
        var tracks = new SegmentTracks<Pose>("person", segment.index());
        var events = new ArrayList<Event>();
        var leadIn = Samples.leadIn(segment);
        if (leadIn != null) {
            sample(segment, ctx, tracks, leadIn, true, events);
        }
        var samples = Samples.all(segment);
        for (var frame : samples) {
            sample(segment, ctx, tracks, frame, false, events);
        }
        for (var track : tracks.tracks()) {
            var builder = SegmentTracks.interval(ctx.builder(segment, NAME, PRESENT), segment, track, samples);
            if (builder != null) {
                double mean = track.own().stream().mapToDouble(s -> s.value().score()).average().orElse(0);
                events.add(builder.confidence(mean).model(modelId).attribute("sampleCount", track.own().size())
                        .attribute("meanScore", EventBuilder.round(mean)).build());
            }
        }
        return events;
    }

    private void sample(Segment segment, DetectionContext ctx, SegmentTracks<Pose> tracks, FrameRecord frame,
                        boolean leadIn, List<Event> events) {
        var image = Samples.image(frame, NAME);
        if (image == null) {
            return;
        }
        var people = estimate(image);
        var sightings = tracks.add(frame, leadIn, people, p -> new Detection(p.box(), p.score(), "person"));
        for (var sighting : sightings) {
            if (sighting == null) {
                continue;
            }
            var pose = sighting.value();
            var builder = ctx.builder(segment, NAME, POSE).track(sighting.track()).at(frame).model(modelId)
                    .confidence(pose.meanKeypointScore()).box(pose.box()).keypoints(pose.keypoints());
            if (leadIn) {
                builder.attribute("leadIn", true);
            }
            events.add(builder.build());
        }
    }

    /** The people MoveNet finds in one image, most confident first. */
    public List<Pose> estimate(RgbImage image) {
        var letterbox = translator.letterbox(image);
        var output = session.run(Map.of(inputName, translator.input(image, letterbox)));
        return translator.output(MoveNetTranslator.only(output), letterbox).stream()
                .filter(p -> p.box() != null && p.score() >= config.minScore() && confident(p) >= MIN_KEYPOINTS)
                .sorted((a, b) -> Double.compare(b.score(), a.score())).toList();
    }

    private static long confident(Pose pose) {
        return pose.keypoints().stream().filter(k -> k.score() >= MoveNetTranslator.BOX_MIN_SCORE).count();
    }

    @Override
    public void close() {
        session.close();
    }
}
