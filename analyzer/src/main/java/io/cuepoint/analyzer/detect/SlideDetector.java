package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.AnalyzerException;
import io.cuepoint.analyzer.detect.SlideComparison.Relation;
import io.cuepoint.analyzer.wire.Artifact;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the slides of a lecture or screen recording: one {@code slide.shown} interval per stable slide,
 * with a keyframe image ({@link Artifact#KEYFRAME}) of its most complete state.
 *
 * <p>Each sampled analysis image (the lead-in's included) is compared with the one before it
 * ({@link SlideComparison}): the same slide, a build, or a change. Runs of images without a change are
 * candidate slides; the exact first frame of each new run is found on the per-frame thumbnails
 * ({@link ThumbnailChangeLocator}). A run becomes a slide when it looks like a screen: the median of its
 * images' flat-block share reaches {@link SlideConfig#minFlatShare()} and their median content share
 * reaches {@link SlideConfig#minInkShare()}, and at least {@link SlideConfig#minStillShare()} of its
 * sample-to-sample steps show no change beyond an animation. Camera footage (textured, noisy, always
 * somewhat in motion) fails these; so does a blank picture. Closed runs shorter than {@link SlideConfig#minSlideMs()} are
 * transitions and are dropped.
 *
 * <p>Events carry {@code buildCount} (builds seen: consecutive build steps count once), {@code sampleCount}
 * and {@code flatShare}; no string attribute, so fragments of one slide always merge. The keyframe is the
 * JPEG of the slide's last sampled image in this segment, named {@code f<frame>}, with the slide's
 * content signature ({@link SlideSignature}) in its attributes. An interval that reaches a segment boundary
 * is a fragment, and gets its own keyframe.
 */
public final class SlideDetector implements ArtifactDetector {
    public static final String NAME = "slides";
    public static final String SHOWN = "slide.shown";
    private static final Logger LOG = LoggerFactory.getLogger(SlideDetector.class);

    private final SlideConfig config;

    public SlideDetector(SlideConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    private record Sample(int index, FrameRecord frame, SlideImage image, boolean leadIn) {
    }

    @Override
    public DetectorOutput analyze(Segment segment, DetectionContext ctx) {
        var frames = segment.framesWithLeadIn();
        var samples = samples(frames, segment.leadIn() != null);
        if (samples.isEmpty() || segment.frames().isEmpty()) {
            return new DetectorOutput(List.of(), List.of());
        }
        var relations = new Relation[samples.size()];
        for (int i = 1; i < samples.size(); i++) {
            relations[i] = SlideComparison.compare(samples.get(i - 1).image(), samples.get(i).image(), config);
        }
        // Runs of samples without a change between them; starts[k] is the frames index where run k begins.
        var runs = new ArrayList<int[]>();
        int from = 0;
        for (int i = 1; i <= samples.size(); i++) {
            if (i == samples.size() || relations[i] == Relation.CHANGE) {
                runs.add(new int[] {from, i - 1});
                from = i;
            }
        }
        int ownStart = segment.leadIn() == null ? 0 : 1;
        var starts = new int[runs.size()];
        for (int k = 0; k < runs.size(); k++) {
            int a = runs.get(k)[0];
            starts[k] = k == 0 ? ownStart
                    : Math.max(ownStart, ThumbnailChangeLocator.locate(frames, samples.get(a - 1).index(),
                            samples.get(a).index()));
        }
        var events = new ArrayList<Event>();
        var artifacts = new ArrayList<Artifact>();
        for (int k = 0; k < runs.size(); k++) {
            int a = runs.get(k)[0];
            int b = runs.get(k)[1];
            boolean first = k == 0;
            boolean last = k == runs.size() - 1;
            if (!last && starts[k + 1] <= starts[k]) {
                continue; // the run has no frame of its own: its only sample is the lead-in
            }
            var startFrame = frames.get(starts[k]);
            var endFrame = last ? frames.get(frames.size() - 1) : frames.get(starts[k + 1] - 1);
            // A run that starts with the lead-in continues from the previous segment; without a sampled
            // lead-in that cannot be told, so the api is left to merge.
            boolean openStart = first && segment.hasPrevious();
            boolean openEnd = last && segment.hasNext();
            long startMs = first ? segment.end().startMs() : startFrame.ptsMs();
            long endMs = last ? segment.end().endMs() : frames.get(starts[k + 1]).ptsMs();
            var run = samples.subList(a, b + 1);
            boolean tooShort = !openStart && !openEnd && endMs - startMs < config.minSlideMs();
            if (tooShort || !looksLikeScreen(run) || stillShare(relations, a, b) < config.minStillShare()) {
                continue;
            }
            var own = run.stream().filter(s -> !s.leadIn()).toList();
            double flat = median(run.stream().mapToDouble(s -> s.image().flatShare()).toArray());
            var attributes = new LinkedHashMap<String, Object>();
            attributes.put("buildCount", builds(relations, a, b));
            attributes.put("sampleCount", own.size());
            attributes.put("flatShare", EventBuilder.round(flat));
            var fragment = openStart || openEnd ? new Fragment(segment.index(), openStart, openEnd) : null;
            events.add(ctx.event(segment, NAME, SHOWN, startMs, endMs, startFrame.frame(), endFrame.frame(),
                    confidence(flat), attributes, fragment));
            if (!own.isEmpty()) {
                artifacts.add(keyframe(own.get(own.size() - 1)));
            }
        }
        return new DetectorOutput(events, artifacts);
    }

    /** The sampled frames with their images; one that cannot be decoded costs that sample only. */
    private List<Sample> samples(List<FrameRecord> frames, boolean hasLeadIn) {
        var samples = new ArrayList<Sample>();
        for (int i = 0; i < frames.size(); i++) {
            var frame = frames.get(i);
            if (!frame.sampled()) {
                continue;
            }
            try {
                var image = SlideImage.decode(frame.frame(), frame.analysisJpeg(), frame.analysisWidth(),
                        config.flatRange());
                samples.add(new Sample(i, frame, image, hasLeadIn && i == 0));
            } catch (AnalyzerException e) {
                LOG.warn("{}: skips frame {} of video {}: {}", NAME, frame.frame(), frame.videoId(), e.getMessage());
            }
        }
        return samples;
    }

    private boolean looksLikeScreen(List<Sample> run) {
        return median(run.stream().mapToDouble(s -> s.image().flatShare()).toArray()) >= config.minFlatShare()
                && median(run.stream().mapToDouble(s -> s.image().inkShare()).toArray()) >= config.minInkShare();
    }

    /**
     * The share of steps between samples a and b that changed no more than an animation; 1 for fewer than
     * three steps, which say too little (a fragment at a segment boundary, a build right after the change).
     */
    private static double stillShare(Relation[] relations, int a, int b) {
        if (b - a < 3) {
            return 1;
        }
        int same = 0;
        for (int i = a + 1; i <= b; i++) {
            same += relations[i] == Relation.SAME ? 1 : 0;
        }
        return (double) same / (b - a);
    }

    /** Build steps between samples a and b; a build animated over several samples counts once. */
    private static int builds(Relation[] relations, int a, int b) {
        int count = 0;
        for (int i = a + 1; i <= b; i++) {
            if (relations[i] == Relation.BUILD && relations[i - 1] != Relation.BUILD) {
                count++;
            }
        }
        return count;
    }

    private static Artifact keyframe(Sample sample) {
        var frame = sample.frame();
        var attributes = new LinkedHashMap<String, Object>();
        attributes.put("signature", sample.image().signature());
        attributes.put("width", frame.analysisWidth());
        attributes.put("height", frame.analysisHeight());
        return new Artifact(Artifact.KEYFRAME, "f" + frame.frame(), "image/jpeg", frame.frame(), frame.ptsMs(),
                frame.ptsMs(), attributes, frame.analysisJpeg());
    }

    /** 0.5 right at the flat-share threshold, 1 for a picture that is all flat. */
    private double confidence(double flat) {
        double span = Math.max(1e-6, 1 - config.minFlatShare());
        return Math.min(1, 0.5 + 0.5 * (flat - config.minFlatShare()) / span);
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        var sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
