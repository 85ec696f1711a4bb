package io.cuepoint.api.eval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * What a corpus clip decodes to, reduced to what the truth checks need: per frame the mean luma, the
 * mean absolute luma change from the previous frame, the box of pixels that changed strongly, and a
 * quarter-size luma picture.
 */
record DecodedClip(int width, int height, double frameRate, double[] mean, double[] change, int[] changed,
                   int[][] changedBox, List<byte[]> small) {
    static final int SCALE = 4;
    /** A luma change this large is the picture, not grain or compression noise. */
    static final int STRONG = 25;

    int frames() {
        return mean.length;
    }

    int smallWidth() {
        return width / SCALE;
    }

    static DecodedClip decode(Path file) throws IOException {
        try (var grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            int w = grabber.getImageWidth();
            int h = grabber.getImageHeight();
            List<Double> mean = new ArrayList<>();
            List<Double> change = new ArrayList<>();
            List<Integer> changed = new ArrayList<>();
            List<int[]> boxes = new ArrayList<>();
            List<byte[]> small = new ArrayList<>();
            int[] previous = null;
            Frame f;
            while ((f = grabber.grabImage()) != null) {
                int[] luma = luma(f, w, h);
                long sum = 0;
                for (int v : luma) {
                    sum += v;
                }
                mean.add(sum / (double) luma.length);
                long diff = 0;
                int count = 0;
                int[] box = {w, h, -1, -1};
                if (previous != null) {
                    for (int i = 0; i < luma.length; i++) {
                        int d = Math.abs(luma[i] - previous[i]);
                        diff += d;
                        if (d > STRONG) {
                            count++;
                            int x = i % w;
                            int y = i / w;
                            box[0] = Math.min(box[0], x);
                            box[1] = Math.min(box[1], y);
                            box[2] = Math.max(box[2], x);
                            box[3] = Math.max(box[3], y);
                        }
                    }
                }
                change.add(previous == null ? 0 : diff / (double) luma.length);
                changed.add(count);
                boxes.add(box);
                small.add(shrink(luma, w, h));
                previous = luma;
            }
            double fps = grabber.getFrameRate();
            grabber.stop();
            return new DecodedClip(w, h, fps, mean.stream().mapToDouble(Double::doubleValue).toArray(),
                    change.stream().mapToDouble(Double::doubleValue).toArray(),
                    changed.stream().mapToInt(Integer::intValue).toArray(), boxes.toArray(int[][]::new), small);
        }
    }

    private static int[] luma(Frame f, int w, int h) {
        ByteBuffer buf = (ByteBuffer) f.image[0];
        int stride = f.imageStride;
        int[] y = new int[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int o = r * stride + c * 3;
                int b = buf.get(o) & 255;
                int g = buf.get(o + 1) & 255;
                int red = buf.get(o + 2) & 255;
                y[r * w + c] = (77 * red + 150 * g + 29 * b) >> 8;
            }
        }
        return y;
    }

    private static byte[] shrink(int[] luma, int w, int h) {
        int sw = w / SCALE;
        int sh = h / SCALE;
        byte[] out = new byte[sw * sh];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int sum = 0;
                for (int dy = 0; dy < SCALE; dy++) {
                    for (int dx = 0; dx < SCALE; dx++) {
                        sum += luma[(y * SCALE + dy) * w + x * SCALE + dx];
                    }
                }
                out[y * sw + x] = (byte) (sum / (SCALE * SCALE));
            }
        }
        return out;
    }

    /** Mean absolute difference of two quarter-size pictures. */
    static double mad(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 255) - (b[i] & 255));
        }
        return sum / (double) a.length;
    }
}
