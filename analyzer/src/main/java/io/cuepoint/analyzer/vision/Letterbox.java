package io.cuepoint.analyzer.vision;

/**
 * How an image sits in the square input of a model: centred in a square of side {@code max(width,
 * height)}, the rest padded with black, then scaled to the model's size. Models see undistorted
 * shapes this way; their outputs, normalized to the square, map back to normalized image coordinates
 * here.
 *
 * @param width  image width in pixels
 * @param height image height in pixels
 * @param side   side of the padded square in image pixels
 * @param padX   black columns left of the image
 * @param padY   black rows above the image
 */
public record Letterbox(int width, int height, int side, int padX, int padY) {

    public static Letterbox of(int width, int height) {
        int side = Math.max(width, height);
        // The odd pixel of an uneven margin goes to the far side, as tf.pad with floor((s - w) / 2) does.
        return new Letterbox(width, height, side, (side - width) / 2, (side - height) / 2);
    }

    /** A horizontal position normalized to the square (0 left edge, 1 right edge) as a share of the image width. */
    public double imageX(double squareX) {
        return (squareX * side - padX) / width;
    }

    /** A vertical position normalized to the square as a share of the image height. */
    public double imageY(double squareY) {
        return (squareY * side - padY) / height;
    }

    /**
     * Samples the padded square at {@code size x size} with bilinear interpolation and no antialiasing,
     * exactly as TF.js {@code tf.pad} followed by {@code tf.image.resizeBilinear} (no corner alignment,
     * no half-pixel centres) does, which is how the Human library feeds these models.
     *
     * @return {@code size * size * 3} values, RGB interleaved, rows top to bottom, each 0 to 255
     */
    public float[] sample(RgbImage image, int size) {
        var out = new float[size * size * 3];
        double scale = (double) side / size;
        var cols = Axis.of(size, scale, padX, width);
        var rows = Axis.of(size, scale, padY, height);
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                int o = (r * size + c) * 3;
                for (int ch = 0; ch < 3; ch++) {
                    double top = lerp(value(image, cols.lo[c], rows.lo[r], ch), value(image, cols.hi[c], rows.lo[r], ch),
                            cols.frac[c]);
                    double bottom = lerp(value(image, cols.lo[c], rows.hi[r], ch),
                            value(image, cols.hi[c], rows.hi[r], ch), cols.frac[c]);
                    out[o + ch] = (float) lerp(top, bottom, rows.frac[r]);
                }
            }
        }
        return out;
    }

    /** A pixel of the image, or black in the padding (index -1). */
    private static int value(RgbImage image, int x, int y, int ch) {
        return x < 0 || y < 0 ? 0 : image.at(x, y, ch);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    /** Source pixels and weights along one axis; -1 marks a padding pixel. */
    private record Axis(int[] lo, int[] hi, double[] frac) {
        static Axis of(int size, double scale, int pad, int extent) {
            int side = (int) Math.round(size * scale);
            var lo = new int[size];
            var hi = new int[size];
            var frac = new double[size];
            for (int i = 0; i < size; i++) {
                double source = i * scale;
                int floor = (int) Math.floor(source);
                int ceil = Math.min(side - 1, (int) Math.ceil(source));
                frac[i] = source - floor;
                lo[i] = inImage(floor - pad, extent);
                hi[i] = inImage(ceil - pad, extent);
            }
            return new Axis(lo, hi, frac);
        }

        private static int inImage(int p, int extent) {
            return p >= 0 && p < extent ? p : -1;
        }
    }
}
