package io.cuepoint.analyzer.vision;

import io.cuepoint.analyzer.model.Tensor;
import io.cuepoint.analyzer.wire.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Input and output of CenterNet (MobileNetV3 backbone, COCO's 80 classes, as the Human library ships it).
 *
 * <p>Input: {@code float32 [1, 512, 512, 3]}, RGB 0 to 255 (no normalization), the image letterboxed into
 * the square. (The Human library stretches the image instead; letterboxing keeps people's proportions.)
 *
 * <p>Outputs: {@code detections [1, 100, 6]}, the model's own top 100 heat-map peaks, each
 * (x1, y1, x2, y2, score, class) with corners in input pixels and class the 0-based COCO index; besides it
 * the raw heat map {@code [1, 128, 128, 80]} and box sizes {@code [1, 128, 128, 4]}, which are not used.
 * The detections output is told apart by its shape. Candidates are thresholded, filtered to the wanted
 * labels and reduced by non-maximum suppression within each label.
 */
public final class CenterNetTranslator {
    public static final int SIZE = 512;
    private static final int FIELDS = 6;

    private final double minScore;
    private final double maxIou;
    private final Set<String> labels;

    /**
     * @param minScore lowest score kept
     * @param maxIou   overlap above which the weaker of two boxes of one label is dropped
     * @param labels   COCO names to keep
     */
    public CenterNetTranslator(double minScore, double maxIou, Set<String> labels) {
        this.minScore = minScore;
        this.maxIou = maxIou;
        this.labels = Set.copyOf(labels);
    }

    public Tensor input(RgbImage image, Letterbox letterbox) {
        return Tensor.ofFloats(letterbox.sample(image, SIZE), 1, SIZE, SIZE, 3);
    }

    /** The kept objects, grouped by label in COCO order, best first within a label. */
    public List<DetectedObject> output(Map<String, Tensor> outputs, Letterbox letterbox) {
        var detections = outputs.values().stream()
                .filter(t -> t.shape().length == 3 && t.shape()[0] == 1 && t.shape()[2] == FIELDS).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("CenterNet detections [1, n, 6] missing; outputs "
                        + outputs.keySet()));
        float[] v = detections.toFloats();
        int n = (int) detections.shape()[1];
        var byLabel = new HashMap<Integer, List<Integer>>();
        for (int i = 0; i < n; i++) {
            int o = i * FIELDS;
            float cls = v[o + 5];
            if (Float.isNaN(cls) || v[o + 4] < minScore) {
                continue;
            }
            // Rounded before the range check: a class of 79.6 would otherwise pass as 80, past the last label.
            int label = Math.round(cls);
            if (label < 0 || label >= CocoLabels.NAMES.size()) {
                continue;
            }
            if (labels.contains(CocoLabels.NAMES.get(label))) {
                byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(i);
            }
        }
        var result = new ArrayList<DetectedObject>();
        byLabel.keySet().stream().sorted().forEach(label -> {
            var candidates = byLabel.get(label);
            var boxes = candidates.stream().map(i -> box(v, i * FIELDS, letterbox)).toList();
            double[] scores = candidates.stream().mapToDouble(i -> v[i * FIELDS + 4]).toArray();
            for (int k : NonMaxSuppression.select(boxes, scores, maxIou, Integer.MAX_VALUE)) {
                var box = boxes.get(k);
                if (box.right() > box.left() && box.bottom() > box.top()) {
                    result.add(new DetectedObject(box, scores[k], CocoLabels.NAMES.get(label)));
                }
            }
        });
        return result;
    }

    private static Box box(float[] v, int o, Letterbox letterbox) {
        return new Box(MoveNetTranslator.clamp(letterbox.imageX(v[o] / SIZE)),
                MoveNetTranslator.clamp(letterbox.imageY(v[o + 1] / SIZE)),
                MoveNetTranslator.clamp(letterbox.imageX(v[o + 2] / SIZE)),
                MoveNetTranslator.clamp(letterbox.imageY(v[o + 3] / SIZE)));
    }

    @Override
    public String toString() {
        return "CenterNet(minScore=" + minScore + ", maxIou=" + maxIou + ", labels=" + Arrays.toString(
                labels.stream().sorted().toArray()) + ")";
    }
}
