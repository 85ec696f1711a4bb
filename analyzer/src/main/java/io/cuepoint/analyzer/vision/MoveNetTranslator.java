package io.cuepoint.analyzer.vision;

import io.cuepoint.analyzer.model.Tensor;
import io.cuepoint.analyzer.wire.Box;
import io.cuepoint.analyzer.wire.Keypoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Input and output of the MoveNet pose models.
 *
 * <p>Input: {@code int32 [1, size, size, 3]}, RGB 0 to 255, the image letterboxed into the square
 * ({@link Letterbox}); size 192 for Lightning, 256 for Thunder and MultiPose.
 *
 * <p>Output, Lightning and Thunder: {@code float32 [1, 1, 17, 3]}, per keypoint (y, x, score) with y and x
 * normalized to the square. MultiPose: {@code float32 [1, 6, 56]}, per candidate person 17 x (y, x, score)
 * followed by the person's box (ymin, xmin, ymax, xmax) and score.
 */
public final class MoveNetTranslator {
    /** Keypoint names in the models' output order. */
    public static final List<String> KEYPOINTS = List.of("nose", "left_eye", "right_eye", "left_ear", "right_ear",
            "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_hip",
            "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle");
    /** Keypoints scoring below this are not part of a pose's box. */
    public static final double BOX_MIN_SCORE = 0.3;
    private static final int MULTI_STRIDE = 56;

    private final int size;

    /** @param size the model's square input side in pixels */
    public MoveNetTranslator(int size) {
        this.size = size;
    }

    public Letterbox letterbox(RgbImage image) {
        return Letterbox.of(image.width(), image.height());
    }

    /** The model input for one image. */
    public Tensor input(RgbImage image, Letterbox letterbox) {
        float[] pixels = letterbox.sample(image, size);
        var ints = new int[pixels.length];
        for (int i = 0; i < ints.length; i++) {
            // tf.cast(float -> int32) truncates.
            ints[i] = (int) pixels[i];
        }
        return Tensor.ofInts(ints, 1, size, size, 3);
    }

    /** Every pose the output holds, in the model's order (MultiPose: all six candidates). */
    public List<Pose> output(Tensor output, Letterbox letterbox) {
        long[] shape = output.shape();
        float[] v = output.toFloats();
        if (shape.length == 4 && shape[2] == KEYPOINTS.size() && shape[3] == 3) {
            var keypoints = keypoints(v, 0, letterbox);
            double mean = keypoints.stream().mapToDouble(Keypoint::score).average().orElse(0);
            return List.of(new Pose(keypoints, mean, box(keypoints)));
        }
        if (shape.length == 3 && shape[2] == MULTI_STRIDE) {
            var poses = new ArrayList<Pose>();
            for (int p = 0; p < shape[1]; p++) {
                int base = p * MULTI_STRIDE;
                var keypoints = keypoints(v, base, letterbox);
                poses.add(new Pose(keypoints, v[base + 55], box(keypoints)));
            }
            return poses;
        }
        throw new IllegalArgumentException("not a MoveNet output shape: " + java.util.Arrays.toString(shape));
    }

    private static List<Keypoint> keypoints(float[] v, int base, Letterbox letterbox) {
        var keypoints = new ArrayList<Keypoint>(KEYPOINTS.size());
        for (int k = 0; k < KEYPOINTS.size(); k++) {
            int o = base + 3 * k;
            keypoints.add(new Keypoint(KEYPOINTS.get(k), clamp(letterbox.imageX(v[o + 1])),
                    clamp(letterbox.imageY(v[o])), v[o + 2]));
        }
        return keypoints;
    }

    private static Box box(List<Keypoint> keypoints) {
        var confident = keypoints.stream().filter(k -> k.score() >= BOX_MIN_SCORE).toList();
        if (confident.isEmpty()) {
            return null;
        }
        return new Box(confident.stream().mapToDouble(Keypoint::x).min().orElseThrow(),
                confident.stream().mapToDouble(Keypoint::y).min().orElseThrow(),
                confident.stream().mapToDouble(Keypoint::x).max().orElseThrow(),
                confident.stream().mapToDouble(Keypoint::y).max().orElseThrow());
    }

    static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** The single output of a MoveNet model's results. */
    public static Tensor only(Map<String, Tensor> outputs) {
        if (outputs.size() != 1) {
            throw new IllegalArgumentException("MoveNet has one output, got " + outputs.keySet());
        }
        return outputs.values().iterator().next();
    }
}
