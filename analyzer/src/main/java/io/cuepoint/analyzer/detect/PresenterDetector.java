package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Presenter cues from the poses and faces the {@code pose} and {@code faces} detectors found in the same
 * segment: no pixels are looked at again.
 *
 * <p>The presenter is one person track per segment ({@link PresenterTrack}). Emits, per segment:
 * <ul>
 *   <li>{@code presenter.visible} intervals ({@code meanHeight}: box height over frame height);</li>
 *   <li>{@code presenter.facing} intervals, turned to the camera ({@link PresenterFacing}; {@code meanYawDeg}
 *       when a face supports it);</li>
 *   <li>{@code presenter.gesturing} intervals, wrists moving against the shoulders ({@link GestureMeter};
 *       {@code meanWristSpeed} in shoulder widths per second);</li>
 *   <li>{@code presenter.handRaised} intervals, a wrist above the shoulder line ({@code hand} left|right, the
 *       person's own side as the pose model labels it);</li>
 *   <li>{@code presenter.postureChange} instants ({@link PostureChanges}; {@code magnitude} in shoulder
 *       widths);</li>
 *   <li>{@code audience.facing} intervals where several faces besides the presenter's are seen
 *       ({@link AudienceFacing}; {@code meanFaces}, {@code facingShare}).</li>
 * </ul>
 * The presenter's events carry the person track. Intervals touching the segment's ends are fragments.
 */
public final class PresenterDetector implements DerivedDetector {
    public static final String NAME = "presenter";
    public static final String VISIBLE = "presenter.visible";
    public static final String FACING = "presenter.facing";
    public static final String GESTURING = "presenter.gesturing";
    public static final String HAND_RAISED = "presenter.handRaised";
    public static final String POSTURE_CHANGE = "presenter.postureChange";
    public static final String AUDIENCE_FACING = "audience.facing";
    /** A presenter turned sideways shows narrower shoulders; distances are divided by at least this share of the usual width. */
    static final double MIN_WIDTH_SHARE = 0.6;

    private final PresenterConfig config;

    public PresenterDetector(PresenterConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> inputs() {
        return List.of(PoseDetector.NAME, FaceDetector.NAME);
    }

    @Override
    public DetectorOutput derive(Segment segment, List<Event> upstream, DetectionContext ctx) {
        var samples = Samples.all(segment);
        if (samples.isEmpty()) {
            return new DetectorOutput(List.of(), List.of());
        }
        var out = new PresenterEvents(segment, ctx);
        var faces = faces(upstream, samples);
        var presenter = PresenterTrack.select(upstream, samples);
        var presenterFaces = new Event[samples.size()];
        var events = new ArrayList<Event>();
        if (presenter != null) {
            new Presenter(segment, samples, presenter, faces, out, presenterFaces).emit(events);
        }
        audience(segment, samples, faces, presenterFaces, out, events);
        return new DetectorOutput(events, List.of());
    }

    /** The presenter's cues in one segment; fills in which face is the presenter's, per sample. */
    private final class Presenter {
        private final Segment segment;
        private final List<FrameRecord> samples;
        private final PresenterTrack presenter;
        private final List<List<Event>> faces;
        private final PresenterEvents out;
        private final Event[] presenterFaces;
        private final BodyFrame[] bodies;

        Presenter(Segment segment, List<FrameRecord> samples, PresenterTrack presenter, List<List<Event>> faces,
                  PresenterEvents out, Event[] presenterFaces) {
            this.segment = segment;
            this.samples = samples;
            this.presenter = presenter;
            this.faces = faces;
            this.out = out;
            this.presenterFaces = presenterFaces;
            this.bodies = bodies();
        }

        void emit(List<Event> events) {
            var poses = presenter.poses();
            int n = poses.length;
            var seen = new double[n];
            var height = new double[n];
            var score = new double[n];
            var facing = new double[n];
            var yaw = new double[n];
            for (int i = 0; i < n; i++) {
                seen[i] = poses[i] == null ? 0 : 1;
                height[i] = poses[i] == null ? Double.NaN : poses[i].box().bottom() - poses[i].box().top();
                score[i] = poses[i] == null ? Double.NaN : poses[i].confidence();
                facing[i] = Double.NaN;
                yaw[i] = Double.NaN;
                if (poses[i] != null) {
                    var reading = PresenterFacing.read(poses[i], faces.get(i), config.minKeypointScore());
                    facing[i] = reading.facing();
                    yaw[i] = reading.yawDeg();
                    presenterFaces[i] = reading.face();
                }
            }
            for (var run : runs(seen, 0.5, 0.5, config.visibleMinMs())) {
                events.add(out.interval(VISIBLE, run, presenter.track(), null, SampleRuns.mean(score, run.from(), run.to()),
                        Map.of("meanHeight", SampleRuns.mean(height, run.from(), run.to()))));
            }
            for (var run : runs(facing, 0.5, 0.5, config.facingMinMs())) {
                double meanYaw = SampleRuns.mean(yaw, run.from(), run.to());
                events.add(out.interval(FACING, run, presenter.track(), null,
                        SampleRuns.mean(facing, run.from(), run.to()),
                        Double.isNaN(meanYaw) ? Map.of() : Map.of("meanYawDeg", meanYaw)));
            }
            var speeds = GestureMeter.speeds(bodies, samples);
            for (var run : runs(speeds, config.gestureOn(), config.gestureOff(), config.gestureMinMs())) {
                double mean = SampleRuns.mean(speeds, run.from(), run.to());
                events.add(out.interval(GESTURING, run, presenter.track(), null,
                        Math.min(1, mean / (2 * config.gestureOn())), Map.of("meanWristSpeed", mean)));
            }
            for (int hand = 0; hand < 2; hand++) {
                raised(hand, events);
            }
            for (var change : PostureChanges.find(bodies, samples, config.postureWindowMs(), config.postureMagnitude())) {
                events.add(out.instant(POSTURE_CHANGE, samples.get(change.at()), presenter.track(),
                        Math.min(1, change.magnitude() / (2 * config.postureMagnitude())),
                        Map.of("magnitude", change.magnitude())));
            }
        }

        private void raised(int hand, List<Event> events) {
            var elevation = GestureMeter.elevation(bodies, hand);
            // An unseen wrist is not raised: it counts as well below the shoulders.
            var known = Arrays.stream(elevation).map(e -> Double.isNaN(e) ? -1 : e).toArray();
            var above = Arrays.stream(elevation).map(e -> Double.isNaN(e) ? Double.NaN : e >= 0 ? 1 : 0).toArray();
            for (var run : runs(known, config.raisedMargin(), 0, config.raisedMinMs())) {
                events.add(out.interval(HAND_RAISED, run, presenter.track(), GestureMeter.HANDS[hand],
                        SampleRuns.mean(above, run.from(), run.to()), Map.of("hand", GestureMeter.HANDS[hand])));
            }
        }

        private List<SampleRuns.Run> runs(double[] values, double on, double off, long minMs) {
            var states = SampleRuns.hysteresis(SampleRuns.median(values, config.smoothing()), on, off);
            return SampleRuns.of(segment, samples, states, minMs);
        }

        private BodyFrame[] bodies() {
            var poses = presenter.poses();
            double aspect = aspect(samples.get(0));
            var widths = Arrays.stream(poses).filter(p -> p != null)
                    .mapToDouble(p -> BodyFrame.shoulderWidth(p.keypoints(), aspect, config.minKeypointScore()))
                    .filter(w -> !Double.isNaN(w)).sorted().toArray();
            double minWidth = widths.length == 0 ? 0 : MIN_WIDTH_SHARE * widths[widths.length / 2];
            var bodies = new BodyFrame[poses.length];
            for (int i = 0; i < poses.length; i++) {
                boolean large = poses[i] != null && poses[i].box().bottom() - poses[i].box().top() >= config.minHeight();
                bodies[i] = !large || poses[i].keypoints() == null ? null
                        : BodyFrame.of(poses[i].keypoints(), aspect, config.minKeypointScore(), minWidth);
            }
            return bodies;
        }
    }

    private void audience(Segment segment, List<FrameRecord> samples, List<List<Event>> faces, Event[] presenterFaces,
                          PresenterEvents out, List<Event> events) {
        var measures = AudienceFacing.measure(faces, presenterFaces);
        for (int[] stretch : AudienceFacing.stretches(AudienceFacing.label(measures, config))) {
            var run = SampleRuns.run(segment, samples, stretch[0], stretch[1]);
            double share = SampleRuns.mean(measures.share(), run.from(), run.to());
            if (Double.isNaN(share) || !run.openStart() && !run.openEnd() && run.durationMs() < config.audienceMinMs()) {
                continue;
            }
            events.add(out.interval(AUDIENCE_FACING, run, null, null,
                    SampleRuns.mean(measures.score(), run.from(), run.to()),
                    Map.of("meanFaces", SampleRuns.mean(measures.faces(), run.from(), run.to()),
                            "facingShare", share)));
        }
    }

    /** Per sample, its {@code face.detected} events (lead-in ones left out). */
    private static List<List<Event>> faces(List<Event> upstream, List<FrameRecord> samples) {
        var index = new HashMap<Long, Integer>();
        var faces = new ArrayList<List<Event>>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            index.put(samples.get(i).frame(), i);
            faces.add(new ArrayList<>());
        }
        for (var e : upstream) {
            Integer at = index.get(e.startFrame());
            if (e.type().equals(FaceDetector.DETECTED) && e.box() != null && at != null
                    && !Boolean.TRUE.equals(e.attributes().get("leadIn"))) {
                faces.get(at).add(e);
            }
        }
        return faces;
    }

    private static double aspect(FrameRecord frame) {
        return frame.analysisWidth() > 0 && frame.analysisHeight() > 0
                ? (double) frame.analysisWidth() / frame.analysisHeight() : 1;
    }
}
