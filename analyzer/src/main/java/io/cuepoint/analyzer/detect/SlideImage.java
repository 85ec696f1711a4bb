package io.cuepoint.analyzer.detect;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_GRAYSCALE_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_GRAYSCALE_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import io.cuepoint.analyzer.AnalyzerException;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One sampled analysis image as the slide detector sees it: grey levels at a reduced working size (the
 * JPEG decoder scales while decoding, which is much cheaper than decoding at full size), with the
 * measures that tell a screen from camera footage.
 *
 * <p>A screen shows large uniform regions and crisp, text-like edges. {@link #flatShare()} is the share of
 * 8 x 8 blocks whose grey levels span at most {@link SlideConfig#flatRange()}: sensor noise and texture
 * keep camera footage well below a slide's share. {@link #inkShare()} is the share of signature cells that
 * hold edges (text, lines, figures), so a blank or uniformly coloured picture is not a slide either.
 */
final class SlideImage {
    /** Columns and rows of the content grid behind the signature. */
    static final int INK_COLS = 48;
    static final int INK_ROWS = 27;
    /** A pixel is on an edge when |dx| + |dy| of its grey level reaches this. */
    private static final int EDGE_STRENGTH = 48;
    /** A grid cell holds content when this share of its pixels are edge pixels. */
    private static final double INK_DENSITY = 0.03;
    private static final int BLOCK = 8;
    /** Working width the decoder's reduction aims at: enough for text lines, cheap to scan. */
    private static final int TARGET_WIDTH = 256;

    final long frame;
    final int width;
    final int height;
    final byte[] gray;
    private final boolean[] ink;
    private final double flatShare;
    private final double inkShare;

    SlideImage(long frame, int width, int height, byte[] gray, int flatRange) {
        this.frame = frame;
        this.width = width;
        this.height = height;
        this.gray = gray;
        this.ink = inkCells();
        int count = 0;
        for (boolean b : ink) {
            count += b ? 1 : 0;
        }
        this.inkShare = (double) count / ink.length;
        this.flatShare = flatBlocks(flatRange);
    }

    /**
     * Decodes a JPEG to grey levels, reduced by 2 or 4 where the image is wide enough.
     *
     * @throws AnalyzerException when the bytes are not a decodable image
     */
    static SlideImage decode(long frame, byte[] jpeg, int analysisWidth, int flatRange) {
        int mode = analysisWidth >= 4 * TARGET_WIDTH ? IMREAD_REDUCED_GRAYSCALE_4
                : analysisWidth >= 2 * TARGET_WIDTH ? IMREAD_REDUCED_GRAYSCALE_2 : IMREAD_GRAYSCALE;
        try (var pointer = new BytePointer(jpeg);
             var buffer = new Mat(1, jpeg.length, CV_8U, pointer);
             var image = imdecode(buffer, mode)) {
            if (image.empty()) {
                throw new AnalyzerException("analysis image of frame " + frame + " is not a decodable JPEG ("
                        + jpeg.length + " bytes)");
            }
            var bytes = new byte[image.cols() * image.rows()];
            // imdecode returns a continuous matrix: rows back to back.
            image.data().get(bytes);
            return new SlideImage(frame, image.cols(), image.rows(), bytes, flatRange);
        }
    }

    double flatShare() {
        return flatShare;
    }

    double inkShare() {
        return inkShare;
    }

    /** The content grid as a signature ({@link SlideSignature}). */
    String signature() {
        return SlideSignature.encode(ink);
    }

    int at(int x, int y) {
        return gray[y * width + x] & 0xff;
    }

    private boolean[] inkCells() {
        var edges = new int[INK_COLS * INK_ROWS];
        var pixels = new int[INK_COLS * INK_ROWS];
        for (int y = 0; y < height - 1; y++) {
            int row = y * INK_ROWS / height;
            for (int x = 0; x < width - 1; x++) {
                int cell = row * INK_COLS + x * INK_COLS / width;
                int v = at(x, y);
                pixels[cell]++;
                if (Math.abs(at(x + 1, y) - v) + Math.abs(at(x, y + 1) - v) >= EDGE_STRENGTH) {
                    edges[cell]++;
                }
            }
        }
        var cells = new boolean[INK_COLS * INK_ROWS];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = pixels[i] > 0 && edges[i] >= INK_DENSITY * pixels[i];
        }
        return cells;
    }

    private double flatBlocks(int flatRange) {
        int flat = 0;
        int blocks = 0;
        for (int by = 0; by + BLOCK <= height; by += BLOCK) {
            for (int bx = 0; bx + BLOCK <= width; bx += BLOCK) {
                int min = 255;
                int max = 0;
                for (int y = by; y < by + BLOCK; y++) {
                    int base = y * width;
                    for (int x = bx; x < bx + BLOCK; x++) {
                        int v = gray[base + x] & 0xff;
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                blocks++;
                flat += max - min <= flatRange ? 1 : 0;
            }
        }
        return blocks == 0 ? 0 : (double) flat / blocks;
    }
}
