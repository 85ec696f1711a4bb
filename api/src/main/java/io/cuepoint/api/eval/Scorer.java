package io.cuepoint.api.eval;

import io.cuepoint.api.eval.GroundTruth.Label;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Scores a clip's detections against its ground truth, for the types the truth lists as {@code scored}.
 *
 * <ul>
 *   <li>{@code shot.cut}: instants paired one to one ({@link OneToOneMatcher}) when their frames are at most 0
 *       (exact) or 1 frame apart; two rows.</li>
 *   <li>slide changes: the start frame of every {@code slide.shown} but the first, on both sides, paired within
 *       0.5 s; extra splits = false-positive changes / true slides.</li>
 *   <li>intervals ({@code shot.transition}, {@code tech.*}, {@code audio.silence}, {@code camera.*},
 *       {@code motion.active} and any other scored type): paired one to one when their temporal IoU is at
 *       least 0.5, in frames when the label has frames, else in milliseconds. Kind (transitions) or direction
 *       (camera) is reported as agreement over the matched pairs; transitions also get a row per kind and a
 *       row under the generous "hit" rule ({@link #hits}) that the FFmpeg peer is scored with.</li>
 * </ul>
 */
public final class Scorer {
    public static final String CUT = "shot.cut";
    public static final String SLIDE = "slide.shown";
    public static final String TRANSITION = "shot.transition";
    public static final String SLIDE_CHANGE = "slide.change";
    public static final Metric CUT_EXACT = new Metric(CUT, "±0 frames");
    public static final Metric CUT_ONE = new Metric(CUT, "±1 frame");
    public static final Metric SLIDE_CHANGES = new Metric(SLIDE_CHANGE, "±0.5 s");
    public static final Metric TRANSITION_HIT = new Metric(TRANSITION, "hit ±1 frame");
    public static final String IOU_RULE = "tIoU ≥ 0.5";
    public static final double MIN_IOU = 0.5;
    public static final double SLIDE_TOLERANCE_S = 0.5;

    private Scorer() {
    }

    public static ScoreCard score(GroundTruth truth, List<DetectedEvent> events) {
        return score(truth, events, type -> true);
    }

    /** Scores only the truth's scored types that {@code include} accepts (e.g. those whose detector ran). */
    public static ScoreCard score(GroundTruth truth, List<DetectedEvent> events, Predicate<String> include) {
        var card = new ScoreCard();
        for (String type : truth.scored()) {
            if (!include.test(type)) {
                continue;
            }
            List<DetectedEvent> detected = events.stream().filter(e -> e.type().equals(type)).toList();
            switch (type) {
                case CUT -> {
                    long[] labels = truth.of(CUT).stream().mapToLong(l -> frameOf(truth, l)).sorted().toArray();
                    long[] found = detected.stream().mapToLong(DetectedEvent::startFrame).sorted().toArray();
                    card.put(CUT_EXACT, instants(labels, found, 0));
                    card.put(CUT_ONE, instants(labels, found, 1));
                }
                case SLIDE -> card.put(SLIDE_CHANGES, slideChanges(truth, detected));
                case TRANSITION -> {
                    List<Label> labels = truth.of(TRANSITION);
                    card.put(new Metric(TRANSITION, IOU_RULE), intervals(truth, labels, detected, "kind"));
                    card.put(TRANSITION_HIT, hits(spans(labels, l -> frameSpan(truth, l)),
                            spans(detected, e -> new long[] {e.startFrame(), e.endFrame()})));
                    var kinds = new TreeSet<String>();
                    labels.stream().map(Label::kind).filter(Objects::nonNull).forEach(kinds::add);
                    detected.stream().map(e -> e.attribute("kind")).filter(Objects::nonNull).forEach(kinds::add);
                    for (String kind : kinds) {
                        card.put(new Metric(TRANSITION + "[" + kind + "]", IOU_RULE), intervals(truth,
                                labels.stream().filter(l -> kind.equals(l.kind())).toList(),
                                detected.stream().filter(e -> kind.equals(e.attribute("kind"))).toList(), "kind"));
                    }
                }
                default -> card.put(new Metric(type, IOU_RULE),
                        intervals(truth, truth.of(type), detected, type.startsWith("camera.") ? "direction" : null));
            }
        }
        return card;
    }

    /** Instants paired one to one within {@code tolerance} frames. */
    public static Score instants(long[] labels, long[] found, double tolerance) {
        int tp = count(OneToOneMatcher.instants(labels, found, tolerance));
        return Score.of(labels.length, tp, found.length - tp, labels.length - tp);
    }

    /** Slide changes (starts of all slides but the first) paired within {@value #SLIDE_TOLERANCE_S} s. */
    static Score slideChanges(GroundTruth truth, List<DetectedEvent> detected) {
        List<Label> slides = truth.of(SLIDE);
        long[] labels = changes(slides.stream().mapToLong(l -> frameSpan(truth, l)[0]).toArray());
        long[] found = changes(detected.stream().mapToLong(DetectedEvent::startFrame).toArray());
        return instants(labels, found, SLIDE_TOLERANCE_S * truth.frameRate()).withSlides(slides.size());
    }

    /** Slide changes from slide starts: every start but the earliest, sorted. */
    public static long[] changes(long[] starts) {
        long[] sorted = starts.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length == 0 ? sorted : java.util.Arrays.copyOfRange(sorted, 1, sorted.length);
    }

    /**
     * Intervals paired by temporal IoU; {@code attribute} (kind or direction, or null) compared over pairs.
     * In frames when every label has frames (inclusive ends made half-open), else in milliseconds.
     */
    static Score intervals(GroundTruth truth, List<Label> labels, List<DetectedEvent> detected, String attribute) {
        boolean frames = labels.stream().allMatch(l -> l.startFrame() != null && l.endFrame() != null);
        long[][] a = labels.stream().map(l -> frames ? new long[] {l.startFrame(), l.endFrame() + 1}
                : new long[] {truth.startMs(l), truth.endMs(l)}).toArray(long[][]::new);
        long[][] b = detected.stream().map(e -> frames ? new long[] {e.startFrame(), e.endFrame() + 1}
                : new long[] {e.startMs(), e.endMs()}).toArray(long[][]::new);
        int[] pairs = OneToOneMatcher.intervals(a, b, MIN_IOU);
        int tp = count(pairs);
        int agree = 0;
        int compared = 0;
        for (int t = 0; t < pairs.length && attribute != null; t++) {
            if (pairs[t] < 0) {
                continue;
            }
            String expected = attribute.equals("kind") ? labels.get(t).kind() : labels.get(t).direction();
            String reported = detected.get(pairs[t]).attribute(attribute);
            if (expected != null && reported != null) {
                compared++;
                agree += expected.equals(reported) ? 1 : 0;
            }
        }
        return Score.of(labels.size(), tp, detected.size() - tp, labels.size() - tp).withAgreement(agree, compared);
    }

    /**
     * The generous rule for gradual transitions, for a peer that reports instants: a label is found when at
     * least one detection (instant or span, inclusive frames) overlaps it widened by one frame on each side;
     * a detection overlapping no label is a false positive; further detections inside a found label count
     * neither way. TP and FN count labels, FP counts detections.
     */
    public static Score hits(List<long[]> labels, List<long[]> found) {
        int tp = 0;
        for (long[] label : labels) {
            if (found.stream().anyMatch(f -> overlaps(label, f))) {
                tp++;
            }
        }
        int fp = (int) found.stream().filter(f -> labels.stream().noneMatch(l -> overlaps(l, f))).count();
        return Score.of(labels.size(), tp, fp, labels.size() - tp);
    }

    private static boolean overlaps(long[] label, long[] found) {
        return found[0] <= label[1] + 1 && found[1] >= label[0] - 1;
    }

    /** The frame of an instant label (from its milliseconds when it has no frame). */
    static long frameOf(GroundTruth truth, Label label) {
        return label.frame() != null ? label.frame() : Math.round(truth.startMs(label) * truth.frameRate() / 1000);
    }

    /** An interval label's first and last frame (inclusive), from milliseconds when it has no frames. */
    static long[] frameSpan(GroundTruth truth, Label label) {
        long start = label.startFrame() != null ? label.startFrame()
                : Math.round(truth.startMs(label) * truth.frameRate() / 1000);
        long end = label.endFrame() != null ? label.endFrame()
                : Math.round(truth.endMs(label) * truth.frameRate() / 1000) - 1;
        return new long[] {start, Math.max(start, end)};
    }

    private static <T> List<long[]> spans(List<T> items, Function<T, long[]> span) {
        var list = new ArrayList<long[]>();
        items.forEach(i -> list.add(span.apply(i)));
        list.sort(Comparator.comparingLong(s -> s[0]));
        return list;
    }

    private static int count(int[] pairs) {
        int n = 0;
        for (int p : pairs) {
            n += p >= 0 ? 1 : 0;
        }
        return n;
    }
}
