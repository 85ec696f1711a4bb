package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a segment into alternating {@code motion.active} and {@code motion.idle} intervals that cover
 * it from its start to its end time.
 *
 * <p>Each sampled analysis image goes through an MOG2 background model ({@link ForegroundMeter}); its
 * foreground share is smoothed (a moving median, which keeps a short pause between two movements) and
 * compared with two thresholds (hysteresis) low enough for a small object such as one hand or
 * instrument in a procedure field. Segments are analysed
 * independently, possibly on different machines, so the model starts cold in every segment. Instead of
 * discarding the first images while it warms up, it is seeded with the median of the lead-in image
 * (when the lead-in was sampled) and {@link MotionConfig#backgroundSamples()} images spread over the
 * segment, and then measures every sampled image from the first one on. A cold model would call the
 * whole first image foreground; one warmed on the first images only would learn an object that
 * moves at the segment's start as background.
 *
 * <p>An interval that reaches the segment's start (segments after the first) or end (all but the last)
 * carries a {@link Fragment} so that the api merges it with its neighbour. Interval ends are exclusive:
 * {@code endMs} is where the next interval (or the segment) begins, so intervals tile without gaps.
 *
 * <p>The same foreground masks also fill the segment's {@code motion-grid} artifact ({@link MotionGrid}):
 * where in the picture the motion was, sample by sample, from which the api draws heatmaps per shot and
 * the motion inside regions of interest, without analysing again.
 */
public final class MotionDetector implements ArtifactDetector {
    public static final String NAME = "motion";
    public static final String ACTIVE = "motion.active";
    public static final String IDLE = "motion.idle";

    private final MotionConfig config;

    public MotionDetector(MotionConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DetectorOutput analyze(Segment segment, DetectionContext ctx) {
        var samples = segment.frames().stream().filter(FrameRecord::sampled).toList();
        if (samples.isEmpty()) {
            return new DetectorOutput(List.of(), List.of());
        }
        var grid = new MotionGrid(config.gridColumns());
        double[] energy = measure(segment, samples, grid);
        // A centred moving median removes a blip or a dropout of fewer than half the window without moving the edges
        // of a movement, so a short pause between two movements stays a pause instead of being smeared over.
        boolean[] active = SampleRuns.hysteresis(SampleRuns.median(energy, config.smoothing()), config.activeOn(),
                config.activeOff());
        var events = new ArrayList<Event>();
        var frames = segment.frames();
        int from = 0;
        for (int i = 1; i <= samples.size(); i++) {
            if (i < samples.size() && active[i] == active[from]) {
                continue;
            }
            boolean first = from == 0;
            boolean last = i == samples.size();
            long startFrame = first ? frames.get(0).frame() : samples.get(from).frame();
            long endFrame = last ? frames.get(frames.size() - 1).frame() : samples.get(i).frame() - 1;
            long startMs = first ? segment.end().startMs() : samples.get(from).ptsMs();
            long endMs = last ? segment.end().endMs() : samples.get(i).ptsMs();
            double mean = mean(energy, from, i);
            boolean openStart = first && segment.hasPrevious();
            boolean openEnd = last && segment.hasNext();
            var fragment = openStart || openEnd ? new Fragment(segment.index(), openStart, openEnd) : null;
            events.add(ctx.event(segment, NAME, active[from] ? ACTIVE : IDLE, startMs, endMs, startFrame, endFrame,
                    confidence(active[from], mean),
                    Map.of("motionEnergy", round(mean), "sampleCount", i - from), fragment));
            from = i;
        }
        Artifact artifact = grid.artifact(segment);
        return new DetectorOutput(events, artifact == null ? List.of() : List.of(artifact));
    }

    private double[] measure(Segment segment, List<FrameRecord> samples, MotionGrid grid) {
        try (var meter = new ForegroundMeter(config, backgroundImages(segment, samples))) {
            var energy = new double[samples.size()];
            for (int i = 0; i < energy.length; i++) {
                var foreground = meter.apply(samples.get(i).analysisJpeg());
                energy[i] = foreground.share();
                grid.add(samples.get(i), foreground.mask(), foreground.width(), foreground.height());
            }
            return energy;
        }
    }

    /** The lead-in image when it was sampled, then samples spread evenly over the segment. */
    private List<byte[]> backgroundImages(Segment segment, List<FrameRecord> samples) {
        var images = new ArrayList<byte[]>();
        if (segment.leadIn() != null && segment.leadIn().sampled()) {
            images.add(segment.leadIn().analysisJpeg());
        }
        int count = Math.min(config.backgroundSamples(), samples.size());
        for (int i = 0; i < count; i++) {
            images.add(samples.get((int) ((long) i * samples.size() / count)).analysisJpeg());
        }
        return images;
    }

    /** How clearly the interval's mean energy sits on its side: 0.5 at the on-threshold, 1 far from it. */
    private double confidence(boolean active, double mean) {
        double on = Math.max(config.activeOn(), 1e-6);
        return active ? Math.min(1, mean / (2 * on)) : Math.max(0, 1 - mean / (2 * on));
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
