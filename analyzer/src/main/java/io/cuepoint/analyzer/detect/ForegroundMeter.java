package io.cuepoint.analyzer.detect;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_video.createBackgroundSubtractorMOG2;

import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_video.BackgroundSubtractorMOG2;

/**
 * An MOG2 background model over downscaled analysis images, answering the share of foreground pixels
 * of each image it is shown. Holds native memory: one per segment, closed after it.
 *
 * <p>The model is seeded from the per-pixel median of a few images spread over the segment: something
 * that moves covers any one pixel in fewer than half of them, so the median is the empty scene even
 * when the segment starts in the middle of the movement. Seeding from the first images alone would
 * learn the moving object as background.
 */
final class ForegroundMeter implements AutoCloseable {
    private final BackgroundSubtractorMOG2 model;
    private final int width;
    private final double learningRate;
    private final Mat mask = new Mat();

    ForegroundMeter(MotionConfig config, List<byte[]> backgroundJpegs) {
        // Shadow detection off: lecture lighting makes shadows part of the motion we want, and it is slower.
        this.model = createBackgroundSubtractorMOG2(config.history(), config.varThreshold(), false);
        this.width = config.width();
        // A fixed rate from the first measured image on: OpenCV's automatic rate is fast while the model
        // is young and would absorb a moving object within a few samples.
        this.learningRate = 1.0 / config.history();
        seed(backgroundJpegs);
    }

    /** Updates the model with the JPEG and returns its foreground mask. */
    Foreground apply(byte[] jpeg) {
        try (var small = decodeSmall(jpeg)) {
            model.apply(small, mask, learningRate);
            // One copy of a few kilobytes: the share and the motion grid are then plain loops in Java.
            var pixels = new byte[mask.rows() * mask.cols()];
            mask.data().get(pixels);
            return new Foreground(coherentShare(pixels, mask.cols(), mask.rows()), pixels, mask.cols(), mask.rows());
        }
    }

    /**
     * Share of the pixels that are foreground together with at least two of their eight neighbours.
     * Sensor grain and compression flicker make single, scattered foreground pixels; anything that
     * really moves, even a thin instrument one or two pixels wide, makes connected ones. Counting only
     * those keeps the idle floor near zero, so a low threshold can catch a small object.
     */
    static double coherentShare(byte[] mask, int width, int height) {
        int count = 0;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (mask[row + x] != 0 && neighbours(mask, width, height, x, y) >= 2) {
                    count++;
                }
            }
        }
        return mask.length == 0 ? 0 : (double) count / mask.length;
    }

    private static int neighbours(byte[] mask, int width, int height, int x, int y) {
        int n = 0;
        for (int yy = Math.max(0, y - 1); yy <= Math.min(height - 1, y + 1); yy++) {
            for (int xx = Math.max(0, x - 1); xx <= Math.min(width - 1, x + 1); xx++) {
                if ((xx != x || yy != y) && mask[yy * width + xx] != 0) {
                    n++;
                }
            }
        }
        return n;
    }

    private void seed(List<byte[]> jpegs) {
        if (jpegs.isEmpty()) {
            return;
        }
        var images = jpegs.stream().map(this::pixels).toList();
        var first = images.get(0);
        var same = images.stream().filter(i -> i.rows == first.rows && i.bytes.length == first.bytes.length).toList();
        var median = new byte[first.bytes.length];
        var values = new int[same.size()];
        for (int p = 0; p < median.length; p++) {
            for (int i = 0; i < values.length; i++) {
                values[i] = same.get(i).bytes[p] & 0xff;
            }
            Arrays.sort(values);
            median[p] = (byte) values[values.length / 2];
        }
        try (var pointer = new BytePointer(median);
             var background = new Mat(first.rows, median.length / 3 / first.rows, CV_8UC3, pointer)) {
            // Learning rate 1 re-initialises the model from this one image.
            model.apply(background, mask, 1.0);
        }
    }

    private Pixels pixels(byte[] jpeg) {
        try (var small = decodeSmall(jpeg)) {
            var bytes = new byte[(int) (small.total() * small.channels())];
            small.data().get(bytes);
            return new Pixels(small.rows(), bytes);
        }
    }

    private Mat decodeSmall(byte[] jpeg) {
        try (var pointer = new BytePointer(jpeg);
             var encoded = new Mat(1, jpeg.length, CV_8U, pointer);
             var image = imdecode(encoded, IMREAD_COLOR)) {
            if (image.empty()) {
                throw new IllegalArgumentException("analysis image is not a decodable JPEG");
            }
            // Only ever shrink: enlarging a small image costs time and adds nothing.
            int w = Math.min(width, image.cols());
            int height = Math.max(1, Math.round((float) image.rows() * w / image.cols()));
            var small = new Mat();
            try (var size = new Size(w, height)) {
                resize(image, small, size, 0, 0, INTER_AREA);
            }
            return small;
        }
    }

    @Override
    public void close() {
        mask.close();
        model.close();
    }

    private record Pixels(int rows, byte[] bytes) {
    }

    /**
     * What the model made of one image.
     *
     * @param share  foreground pixels with at least two foreground neighbours over all pixels, 0 to 1
     *               (see {@link #coherentShare})
     * @param mask   {@code width × height} bytes, row-major, non-zero where the pixel is foreground
     */
    record Foreground(double share, byte[] mask, int width, int height) {
    }
}
