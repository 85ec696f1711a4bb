package io.cuepoint.analyzer.vision;

import io.cuepoint.analyzer.model.Tensor;
import io.cuepoint.analyzer.wire.Box;
import io.cuepoint.analyzer.wire.Keypoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Input and output of BlazeFace (MediaPipe's short-range face detector, 256 pixel variant).
 *
 * <p>Input: {@code float32 [1, 256, 256, 3]}, RGB scaled to [-1, 1] ({@code v / 127.5 - 1}), the image
 * letterboxed into the square.
 *
 * <p>Output: 896 anchors in two groups, each as a score logit {@code [1, n, 1]} and 16 regressors
 * {@code [1, n, 16]}: n = 512 for the 16 x 16 grid (stride 16, 2 anchors per cell) and n = 384 for the
 * 8 x 8 grid (stride 32, 6 anchors per cell). The four outputs are told apart by shape, not by name. The
 * regressors are, in input pixels relative to the anchor's centre: box centre x, y, box width, height,
 * then x, y of the six landmarks. Candidates are thresholded on the sigmoid of the logit and reduced by
 * non-maximum suppression.
 */
public final class BlazeFaceTranslator {
    public static final int SIZE = 256;
    /** Landmark names in output order; "right" is the person's right, seen on the image's left. */
    public static final List<String> LANDMARKS = List.of("right_eye", "left_eye", "nose", "mouth", "right_ear",
            "left_ear");
    private static final int REGRESSORS = 16;
    private static final int FINE = 512;
    private static final int COARSE = 384;
    private static final float[] ANCHORS = anchors();

    private final double minScore;
    private final double maxIou;
    private final int maxFaces;

    /**
     * @param minScore lowest face score kept, 0 to 1
     * @param maxIou   overlap above which the weaker of two faces is dropped
     * @param maxFaces most faces kept per image
     */
    public BlazeFaceTranslator(double minScore, double maxIou, int maxFaces) {
        this.minScore = minScore;
        this.maxIou = maxIou;
        this.maxFaces = maxFaces;
    }

    public Tensor input(RgbImage image, Letterbox letterbox) {
        float[] v = letterbox.sample(image, SIZE);
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] / 127.5f - 1f;
        }
        return Tensor.ofFloats(v, 1, SIZE, SIZE, 3);
    }

    /** The faces of one image, best first. */
    public List<Face> output(Map<String, Tensor> outputs, Letterbox letterbox) {
        float[] fineScores = find(outputs, FINE, 1);
        float[] coarseScores = find(outputs, COARSE, 1);
        float[] fineRegs = find(outputs, FINE, REGRESSORS);
        float[] coarseRegs = find(outputs, COARSE, REGRESSORS);
        var boxes = new ArrayList<Box>();
        var scores = new ArrayList<Double>();
        var anchorsOf = new ArrayList<Integer>();
        for (int a = 0; a < FINE + COARSE; a++) {
            boolean fine = a < FINE;
            int i = fine ? a : a - FINE;
            double score = sigmoid(fine ? fineScores[i] : coarseScores[i]);
            if (score < minScore) {
                continue;
            }
            float[] regs = fine ? fineRegs : coarseRegs;
            int o = i * REGRESSORS;
            double cx = regs[o] + ANCHORS[2 * a];
            double cy = regs[o + 1] + ANCHORS[2 * a + 1];
            double hw = regs[o + 2] / 2;
            double hh = regs[o + 3] / 2;
            boxes.add(new Box((cx - hw) / SIZE, (cy - hh) / SIZE, (cx + hw) / SIZE, (cy + hh) / SIZE));
            scores.add(score);
            anchorsOf.add(a);
        }
        var scoreArray = scores.stream().mapToDouble(Double::doubleValue).toArray();
        var faces = new ArrayList<Face>();
        for (int k : NonMaxSuppression.select(boxes, scoreArray, maxIou, maxFaces)) {
            int a = anchorsOf.get(k);
            boolean fine = a < FINE;
            float[] regs = fine ? fineRegs : coarseRegs;
            int o = (fine ? a : a - FINE) * REGRESSORS;
            var landmarks = new ArrayList<Keypoint>();
            for (int l = 0; l < LANDMARKS.size(); l++) {
                double x = (regs[o + 4 + 2 * l] + ANCHORS[2 * a]) / SIZE;
                double y = (regs[o + 5 + 2 * l] + ANCHORS[2 * a + 1]) / SIZE;
                landmarks.add(new Keypoint(LANDMARKS.get(l), MoveNetTranslator.clamp(letterbox.imageX(x)),
                        MoveNetTranslator.clamp(letterbox.imageY(y)), scoreArray[k]));
            }
            var b = boxes.get(k);
            var box = new Box(MoveNetTranslator.clamp(letterbox.imageX(b.left())),
                    MoveNetTranslator.clamp(letterbox.imageY(b.top())),
                    MoveNetTranslator.clamp(letterbox.imageX(b.right())),
                    MoveNetTranslator.clamp(letterbox.imageY(b.bottom())));
            if (box.right() > box.left() && box.bottom() > box.top()) {
                faces.add(new Face(box, scoreArray[k], landmarks));
            }
        }
        return faces;
    }

    /** Anchor centres in input pixels, x then y, fine grid first: the order of the concatenated outputs. */
    static float[] anchors() {
        var centres = new float[2 * (FINE + COARSE)];
        int n = 0;
        int[][] grids = {{16, 2}, {32, 6}};
        for (int[] grid : grids) {
            int stride = grid[0];
            int cells = SIZE / stride;
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    for (int k = 0; k < grid[1]; k++) {
                        centres[n++] = stride * (x + 0.5f);
                        centres[n++] = stride * (y + 0.5f);
                    }
                }
            }
        }
        return centres;
    }

    private static float[] find(Map<String, Tensor> outputs, int anchors, int width) {
        return outputs.values().stream()
                .filter(t -> Arrays.equals(t.shape(), new long[] {1, anchors, width}))
                .findFirst().map(Tensor::toFloats)
                .orElseThrow(() -> new IllegalArgumentException("BlazeFace output [1, " + anchors + ", " + width
                        + "] missing; outputs: " + shapes(outputs)));
    }

    private static String shapes(Map<String, Tensor> outputs) {
        var sb = new StringBuilder();
        outputs.forEach((name, t) -> sb.append(name).append(Arrays.toString(t.shape())).append(' '));
        return sb.toString().trim();
    }

    private static double sigmoid(double logit) {
        // Clipped as MediaPipe does, so a huge logit cannot overflow.
        double x = Math.max(-100, Math.min(100, logit));
        return 1 / (1 + Math.exp(-x));
    }
}
