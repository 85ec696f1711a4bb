package io.cuepoint.analyzer.vision;

import io.cuepoint.analyzer.model.Tensor;
import io.cuepoint.analyzer.wire.Box;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Input and output of HandTrack (Victor Dibia's handtrack.js SSD MobileNet, as the Human library ships it).
 *
 * <p>Input: {@code uint8 [1, height, width, 3]}, the image as it is, RGB 0 to 255. The graph carries the
 * TensorFlow Object Detection API's preprocessor, which stretches any image to 320 x 320 the way the model
 * was trained, so nothing is resized or letterboxed here.
 *
 * <p>The graph also carries that API's postprocessor (anchor decoding, sigmoid scores, non-maximum
 * suppression per class), and its signature outputs are the API's, told apart by name since three share
 * one shape: {@value #BOXES} {@code [1, 100, 4]} boxes as (ymin, xmin, ymax, xmax) normalized to the image,
 * {@value #CLASSES} {@code [1, 100]} 1-based class ids, {@value #SCORES} {@code [1, 100]} scores, best
 * first. (The class ids come out as 1.988 or 4.012 for 2 and 4: the converter quantized a constant of the
 * id arithmetic, so they are rounded.) The other outputs (anchor indices, per-class scores, the count,
 * the 12804 raw anchor boxes and scores) are not used.
 *
 * <p>The classes are {@link #LABELS}. One thing often comes out once per class it resembles (a fist that
 * also looks like a point, a face that also looks like a fist), so the boxes go through one more
 * suppression across all classes, and the best class names the thing; then {@code face} and the two
 * fingertip classes, which are not hands, are dropped: a face the model also scores, less surely, as a
 * fist stays a face. (Faces it scores as a fist alone, and round things, still come through; the scores
 * tell.)
 */
public final class HandTrackTranslator {
    /** The model's classes in id order (id 1 is {@code hand}, an open hand). */
    public static final List<String> LABELS = List.of("hand", "fist", "pinch", "point", "face", "tip", "pinchtip");
    /** The classes that are whole hands. */
    public static final List<String> HAND_LABELS = List.of("hand", "fist", "pinch", "point");
    static final String BOXES = "Identity_1:0";
    static final String CLASSES = "Identity_2:0";
    static final String SCORES = "Identity_4:0";

    private final double minScore;
    private final double maxIou;
    private final int maxHands;

    /**
     * @param minScore lowest score kept
     * @param maxIou   overlap above which the weaker of two hands is dropped, whatever their classes
     * @param maxHands at most this many hands per image, the best
     */
    public HandTrackTranslator(double minScore, double maxIou, int maxHands) {
        this.minScore = minScore;
        this.maxIou = maxIou;
        this.maxHands = maxHands;
    }

    /** The model input: the image's own pixels, no copy. */
    public Tensor input(RgbImage image) {
        return Tensor.ofBytes(image.rgb(), 1, image.height(), image.width(), 3);
    }

    /** The hands in one output, best first. */
    public List<Hand> output(Map<String, Tensor> outputs) {
        float[] boxes = output(outputs, BOXES).toFloats();
        float[] classes = output(outputs, CLASSES).toFloats();
        float[] scores = output(outputs, SCORES).toFloats();
        int n = Math.min(scores.length, Math.min(classes.length, boxes.length / 4));
        var candidates = new ArrayList<Hand>();
        for (int i = 0; i < n; i++) {
            int label = Math.round(classes[i]) - 1;
            // NaN scores fail this comparison too.
            if (!(scores[i] >= minScore) || label < 0 || label >= LABELS.size()) {
                continue;
            }
            int o = i * 4;
            var box = new Box(MoveNetTranslator.clamp(boxes[o + 1]), MoveNetTranslator.clamp(boxes[o]),
                    MoveNetTranslator.clamp(boxes[o + 3]), MoveNetTranslator.clamp(boxes[o + 2]));
            if (box.right() > box.left() && box.bottom() > box.top()) {
                candidates.add(new Hand(box, scores[i], LABELS.get(label)));
            }
        }
        var kept = NonMaxSuppression.select(candidates.stream().map(Hand::box).toList(),
                candidates.stream().mapToDouble(Hand::score).toArray(), maxIou, Integer.MAX_VALUE);
        return kept.stream().map(candidates::get).filter(h -> HAND_LABELS.contains(h.label())).limit(maxHands)
                .toList();
    }

    private static Tensor output(Map<String, Tensor> outputs, String name) {
        var tensor = outputs.get(name);
        if (tensor == null) {
            throw new IllegalArgumentException("HandTrack output " + name + " missing; outputs " + outputs.keySet());
        }
        return tensor;
    }

    @Override
    public String toString() {
        return "HandTrack(minScore=" + minScore + ", maxIou=" + maxIou + ", maxHands=" + maxHands + ")";
    }
}
