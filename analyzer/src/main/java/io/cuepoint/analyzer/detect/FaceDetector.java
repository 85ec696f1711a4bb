package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.model.LoadedModel;
import io.cuepoint.analyzer.model.ModelSession;
import io.cuepoint.analyzer.track.Detection;
import io.cuepoint.analyzer.vision.BlazeFaceTranslator;
import io.cuepoint.analyzer.vision.EmotionTranslator;
import io.cuepoint.analyzer.vision.Expression;
import io.cuepoint.analyzer.vision.Face;
import io.cuepoint.analyzer.vision.FacingEstimator;
import io.cuepoint.analyzer.vision.Letterbox;
import io.cuepoint.analyzer.vision.RgbImage;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Faces: BlazeFace on every sampled image, faces tracked through the segment, whether each is turned
 * to the camera ({@link FacingEstimator}), and, when enabled, its expression from the emotion model.
 *
 * <p>Emits {@code face.detected} instants (per sample and tracked face; lead-in ones with
 * {@code leadIn=true}), {@code face.present} intervals per track, {@code face.count} instants where the
 * number of faces changes (and on the first sample), and {@code face.expression} intervals
 * ({@link ExpressionRuns}). Each image is decoded once; the emotion model classifies the crops of the
 * whole segment in batches of {@value #BATCH}.
 */
public final class FaceDetector implements SegmentDetector, AutoCloseable {
    public static final String NAME = "faces";
    public static final String DETECTED = "face.detected";
    public static final String PRESENT = "face.present";
    public static final String COUNT = "face.count";
    public static final String EXPRESSION = "face.expression";
    static final int BATCH = 32;

    private final FaceConfig config;
    private final BlazeFaceTranslator translator;
    private final ModelSession faces;
    private final String facesInput;
    private final ModelSession emotion;
    private final String emotionInput;
    private final String modelId;

    /**
     * @param blazeface the face model
     * @param emotion   the emotion model, or null when expressions are off
     */
    public FaceDetector(FaceConfig config, LoadedModel blazeface, LoadedModel emotion) {
        this.config = config;
        this.translator = new BlazeFaceTranslator(config.minScore(), FaceConfig.MAX_IOU, config.maxFaces());
        this.facesInput = blazeface.inputNames().get(0);
        this.emotionInput = emotion == null ? null : emotion.inputNames().get(0);
        this.modelId = emotion == null ? blazeface.producerId() : blazeface.producerId() + "+" + emotion.producerId();
        this.faces = blazeface.newSession();
        try {
            this.emotion = emotion == null ? null : emotion.newSession();
        } catch (RuntimeException e) {
            faces.close();   // the registry only closes detectors it finished creating
            throw e;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Event> detect(Segment segment, DetectionContext ctx) {
        var tracks = new SegmentTracks<Seen>("face", segment.index());
        var counts = new ArrayList<Event>();
        var leadIn = Samples.leadIn(segment);
        if (leadIn != null) {
            sample(tracks, leadIn, true);
        }
        var samples = Samples.all(segment);
        var decoded = new ArrayList<FrameRecord>(samples.size());
        for (var frame : samples) {
            if (sample(tracks, frame, false)) {
                decoded.add(frame);
            }
        }
        var all = tracks.tracks();
        counts(segment, ctx, decoded, all, counts);
        if (emotion != null) {
            classify(all.stream().flatMap(t -> t.sightings().stream()).map(SegmentTracks.Sighting::value).toList());
        }
        var events = new ArrayList<Event>();
        for (var track : all) {
            for (var sighting : track.sightings()) {
                events.add(instant(segment, ctx, sighting));
            }
        }
        events.addAll(counts);
        for (var track : all) {
            var own = track.own();
            var builder = SegmentTracks.interval(ctx.builder(segment, NAME, PRESENT), segment, track, samples);
            if (builder != null) {
                double facing = own.stream().filter(s -> s.value().facing()).count() / (double) own.size();
                double score = own.stream().mapToDouble(s -> s.value().face().score()).average().orElse(0);
                events.add(builder.confidence(score).model(modelId).attribute("sampleCount", own.size())
                        .attribute("facingShare", EventBuilder.round(facing)).build());
            }
            if (emotion != null) {
                events.addAll(ExpressionRuns.of(segment, ctx, track, samples, config.minExpressionMs(), modelId));
            }
        }
        return events;
    }

    /**
     * {@code face.count} on the first sample and wherever the count changes. Only faces on a track count,
     * as only those are reported: a one-sample false positive the tracker never confirms does not make
     * the count flicker. Counted once the segment is tracked, so a face's first sighting, numbered only
     * when its track was confirmed a sample later, counts too.
     */
    private void counts(Segment segment, DetectionContext ctx, List<FrameRecord> samples,
                        List<SegmentTracks.Track<Seen>> tracks, List<Event> out) {
        var byFrame = new HashMap<Long, List<Seen>>();
        for (var track : tracks) {
            for (var sighting : track.own()) {
                byFrame.computeIfAbsent(sighting.frame().frame(), f -> new ArrayList<>()).add(sighting.value());
            }
        }
        int previous = -1;
        for (var frame : samples) {
            var found = byFrame.getOrDefault(frame.frame(), List.of());
            if (found.size() != previous) {
                double score = found.stream().mapToDouble(s -> s.face().score()).average().orElse(1);
                out.add(ctx.builder(segment, NAME, COUNT).at(frame).model(modelId).confidence(score)
                        .attribute("count", found.size()).build());
                previous = found.size();
            }
        }
    }

    /** Finds and tracks the faces of one frame; false when its image cannot be decoded. */
    private boolean sample(SegmentTracks<Seen> tracks, FrameRecord frame, boolean leadIn) {
        var image = Samples.image(frame, NAME);
        if (image == null) {
            return false;
        }
        double aspect = (double) image.width() / image.height();
        var seen = find(image).stream().map(face -> {
            double yaw = FacingEstimator.yawDeg(face, aspect);
            return new Seen(face, yaw, Math.abs(yaw) <= config.maxYawDeg());
        }).toList();
        var sightings = tracks.add(frame, leadIn, seen, s -> new Detection(s.face().box(), s.face().score(), "face"));
        if (emotion != null) {
            // Crops only for faces on a track (only those are reported), cut while the image is decoded.
            sightings.stream().filter(Objects::nonNull)
                    .forEach(s -> s.value().crop = EmotionTranslator.crop(image, s.value().face().box()));
        }
        return true;
    }

    private Event instant(Segment segment, DetectionContext ctx, SegmentTracks.Sighting<Seen> sighting) {
        var seen = sighting.value();
        var builder = ctx.builder(segment, NAME, DETECTED).track(sighting.track()).at(sighting.frame())
                .model(modelId).confidence(seen.face().score()).box(seen.face().box())
                .keypoints(seen.face().landmarks()).attribute("facingCamera", seen.facing())
                .attribute("yawDeg", Math.round(seen.yawDeg() * 10) / 10.0);
        if (seen.expression != null) {
            builder.attribute("expression", seen.expression.label())
                    .attribute("expressionScore", EventBuilder.round(seen.expression.score()));
        }
        if (sighting.leadIn()) {
            builder.attribute("leadIn", true);
        }
        return builder.build();
    }

    /** The faces BlazeFace finds in one image, best first. */
    public List<Face> find(RgbImage image) {
        var letterbox = Letterbox.of(image.width(), image.height());
        return translator.output(faces.run(Map.of(facesInput, translator.input(image, letterbox))), letterbox);
    }

    /**
     * Expressions of face crops ({@link EmotionTranslator#crop}), in order, in batches.
     *
     * @throws IllegalStateException when expressions are off
     */
    public List<Expression> expressions(List<float[]> crops) {
        if (emotion == null) {
            throw new IllegalStateException("expressions are off (CUEPOINT_EXPRESSIONS=false)");
        }
        var result = new ArrayList<Expression>(crops.size());
        for (int from = 0; from < crops.size(); from += BATCH) {
            var batch = crops.subList(from, Math.min(crops.size(), from + BATCH));
            var output = emotion.run(Map.of(emotionInput, EmotionTranslator.input(batch)));
            result.addAll(EmotionTranslator.output(output, batch.size()));
        }
        return result;
    }

    private void classify(List<Seen> seen) {
        var expressions = expressions(seen.stream().map(Seen::crop).toList());
        for (int i = 0; i < seen.size(); i++) {
            seen.get(i).expression = expressions.get(i);
        }
    }

    @Override
    public void close() {
        try {
            faces.close();
        } finally {
            if (emotion != null) {
                emotion.close();
            }
        }
    }

    /**
     * One face in one sample, with what is derived from it; a tracked face's crop is filled in while its
     * image is decoded, its expression when the segment's crops are classified.
     */
    static final class Seen {
        private final Face face;
        private final double yawDeg;
        private final boolean facing;
        private float[] crop;
        private Expression expression;

        Seen(Face face, double yawDeg, boolean facing) {
            this.face = face;
            this.yawDeg = yawDeg;
            this.facing = facing;
        }

        Face face() {
            return face;
        }

        double yawDeg() {
            return yawDeg;
        }

        boolean facing() {
            return facing;
        }

        float[] crop() {
            return crop;
        }

        Expression expression() {
            return expression;
        }
    }
}
