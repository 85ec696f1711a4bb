package io.cuepoint.analyzer.vision;

import io.cuepoint.analyzer.model.Tensor;
import io.cuepoint.analyzer.wire.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Input and output of the emotion model (Oarriaga's FER-2013 mini-Xception as the Human library ships it).
 *
 * <p>Input: {@code float32 [n, 64, 64, 1]}, a batch of face crops in grey, scaled to [-1, 1]: grey =
 * 0.2989 R + 0.587 G + 0.114 B on 0..1 values, then {@code (grey - 0.5) * 2} (Human's transform). A crop
 * is the BlazeFace box squared and grown by {@link #CROP_SCALE} around its centre: FER-2013's training
 * faces fill most of the frame with a little margin, and BlazeFace's box is tight (brows to chin). Parts
 * outside the image are black, as {@code tf.image.cropAndResize} extrapolates.
 *
 * <p>Output: {@code float32 [n, 7]}, softmax probabilities in {@link #LABELS} order.
 */
public final class EmotionTranslator {
    public static final int SIZE = 64;
    public static final List<String> LABELS = List.of("angry", "disgust", "fear", "happy", "sad", "surprise",
            "neutral");
    public static final double CROP_SCALE = 1.2;
    private static final float[] GREY = {0.2989f, 0.5870f, 0.1140f};

    private EmotionTranslator() {
    }

    /** One face crop, ready to be stacked into a batch: {@code 64 * 64} values. */
    public static float[] crop(RgbImage image, Box face) {
        double cx = (face.left() + face.right()) / 2 * image.width();
        double cy = (face.top() + face.bottom()) / 2 * image.height();
        double half = CROP_SCALE * Math.max((face.right() - face.left()) * image.width(),
                (face.bottom() - face.top()) * image.height()) / 2;
        // tf.image.cropAndResize on the box normalized by the image size: source = y1 * (h - 1) + i * step.
        double x1 = (cx - half) / image.width() * (image.width() - 1);
        double x2 = (cx + half) / image.width() * (image.width() - 1);
        double y1 = (cy - half) / image.height() * (image.height() - 1);
        double y2 = (cy + half) / image.height() * (image.height() - 1);
        var out = new float[SIZE * SIZE];
        for (int r = 0; r < SIZE; r++) {
            double sy = y1 + r * (y2 - y1) / (SIZE - 1);
            for (int c = 0; c < SIZE; c++) {
                double sx = x1 + c * (x2 - x1) / (SIZE - 1);
                float grey = 0;
                for (int ch = 0; ch < 3; ch++) {
                    grey += GREY[ch] * bilinear(image, sx, sy, ch) / 255f;
                }
                out[r * SIZE + c] = (grey - 0.5f) * 2f;
            }
        }
        return out;
    }

    /** The batch input for crops made by {@link #crop}. */
    public static Tensor input(List<float[]> crops) {
        var batch = new float[crops.size() * SIZE * SIZE];
        for (int i = 0; i < crops.size(); i++) {
            System.arraycopy(crops.get(i), 0, batch, i * SIZE * SIZE, SIZE * SIZE);
        }
        return Tensor.ofFloats(batch, crops.size(), SIZE, SIZE, 1);
    }

    /** One expression per crop of the batch, in order. */
    public static List<Expression> output(Map<String, Tensor> outputs, int count) {
        if (outputs.size() != 1) {
            throw new IllegalArgumentException("the emotion model has one output, got " + outputs.keySet());
        }
        var t = outputs.values().iterator().next();
        if (!Arrays.equals(t.shape(), new long[] {count, LABELS.size()})) {
            throw new IllegalArgumentException("emotion output " + Arrays.toString(t.shape()) + ", expected ["
                    + count + ", " + LABELS.size() + "]");
        }
        float[] v = t.toFloats();
        var result = new ArrayList<Expression>(count);
        for (int i = 0; i < count; i++) {
            result.add(new Expression(Arrays.copyOfRange(v, i * LABELS.size(), (i + 1) * LABELS.size())));
        }
        return result;
    }

    /** Bilinear sample; 0 (black) outside the image, as cropAndResize's extrapolation value. */
    private static float bilinear(RgbImage image, double x, double y, int ch) {
        if (x < 0 || y < 0 || x > image.width() - 1 || y > image.height() - 1) {
            return 0;
        }
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        int x1 = Math.min(x0 + 1, image.width() - 1);
        int y1 = Math.min(y0 + 1, image.height() - 1);
        double fx = x - x0;
        double fy = y - y0;
        double top = image.at(x0, y0, ch) + (image.at(x1, y0, ch) - image.at(x0, y0, ch)) * fx;
        double bottom = image.at(x0, y1, ch) + (image.at(x1, y1, ch) - image.at(x0, y1, ch)) * fx;
        return (float) (top + (bottom - top) * fy);
    }
}
