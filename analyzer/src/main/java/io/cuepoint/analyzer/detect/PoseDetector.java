package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.model.LoadedModel;
import io.cuepoint.analyzer.model.ModelSession;
import io.cuepoint.analyzer.track.Detection;
import io.cuepoint.analyzer.vision.MoveNetTranslator;
import io.cuepoint.analyzer.vision.Pose;
import io.cuepoint.analyzer.vision.RgbImage;
import io.cuepoint.ingest.wire.FrameRecord;
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
public final class PoseDetector extends TrackingDetector<Pose> implements AutoCloseable {
    public static final String NAME = "pose";
    public static final String POSE = "person.pose";
    public static final String PRESENT = "person.present";
    static final int MIN_KEYPOINTS = 3;

    private final PoseConfig config;
    private final MoveNetTranslator translator;
    private final ModelSession session;
    private final String inputName;

    /** @param model the configured MoveNet; this detector opens its own session on it */
    public PoseDetector(PoseConfig config, LoadedModel model) {
        super("person", POSE, PRESENT, model.producerId());
        this.config = config;
        this.translator = new MoveNetTranslator(config.model().inputSize());
        this.inputName = model.inputNames().get(0);
        this.session = model.newSession();   // last: nothing after it can fail and leak the session
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    List<FrameRecord> samples(Segment segment) {
        return Samples.all(segment);
    }

    @Override
    List<Pose> find(RgbImage image) {
        return estimate(image);
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
    Detection detection(Pose pose) {
        return new Detection(pose.box(), pose.score(), "person");
    }

    @Override
    void describe(EventBuilder instant, Pose pose) {
        instant.confidence(pose.meanKeypointScore()).box(pose.box()).keypoints(pose.keypoints());
    }

    @Override
    void describeTrack(EventBuilder present, List<SegmentTracks.Sighting<Pose>> own, double meanScore) {
        present.attribute("sampleCount", own.size()).attribute("meanScore", EventBuilder.round(meanScore));
    }

    @Override
    public void close() {
        session.close();
    }
}
