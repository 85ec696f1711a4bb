package io.cuepoint.analyzer.detect;

import io.cuepoint.ingest.wire.FrameRecord;
import java.util.List;

/**
 * The luma of every thumbnail of a segment (lead-in first), with the few measures the transition search
 * needs. Luma alone suffices: a blend or fade is linear in every channel, and one channel is a third of
 * the work. Frames whose thumbnails differ in size (a resolution change) are never compared.
 */
final class LumaFrames {
    /** Side of the square blocks averaged for the blend measures, in thumbnail pixels. */
    static final int BLOCK = 4;

    private final int[][] luma;
    private final int[][] blocks;
    private final int[] widths;

    LumaFrames(List<FrameRecord> frames) {
        luma = new int[frames.size()][];
        widths = new int[frames.size()];
        blocks = new int[frames.size()][];
        for (int i = 0; i < luma.length; i++) {
            widths[i] = Math.max(1, frames.get(i).thumbWidth());
            byte[] bgr = frames.get(i).thumbnail();
            var y = new int[bgr.length / 3];
            for (int p = 0; p < y.length; p++) {
                // BT.601 weights in 8-bit fixed point.
                y[p] = (29 * (bgr[3 * p] & 0xff) + 150 * (bgr[3 * p + 1] & 0xff) + 77 * (bgr[3 * p + 2] & 0xff)) >> 8;
            }
            luma[i] = y;
            blocks[i] = blockSums(y, widths[i]);
        }
    }

    /**
     * Sums of {@link #BLOCK} x {@link #BLOCK} pixel blocks (edges that do not fill a block are left out).
     * Averaging is linear, so a blend stays a blend, while small motion, noise and dithered dissolves
     * average out: the blend measures run on these.
     */
    private static int[] blockSums(int[] y, int width) {
        int cols = width / BLOCK;
        int rows = y.length / width / BLOCK;
        var sums = new int[cols * rows];
        for (int r = 0; r < rows * BLOCK; r++) {
            int row = r * width;
            int out = (r / BLOCK) * cols;
            for (int c = 0; c < cols * BLOCK; c++) {
                sums[out + c / BLOCK] += y[row + c];
            }
        }
        return sums;
    }

    int size() {
        return luma.length;
    }

    /** Full-resolution luma of frame {@code i}. */
    int[] get(int i) {
        return luma[i];
    }

    /** Block sums of frame {@code i}; divide by {@link #area()} for grey levels. */
    int[] blocks(int i) {
        return blocks[i];
    }

    /** Pixels per block. */
    static int area() {
        return BLOCK * BLOCK;
    }

    /** Thumbnail width of frame {@code i} in pixels. */
    int width(int i) {
        return widths[i];
    }

    /** Whether frames {@code a} and {@code b} can be compared pixel by pixel. */
    boolean comparable(int a, int b) {
        return luma[a].length == luma[b].length && widths[a] == widths[b] && blocks[a].length > 0;
    }

    /** Mean absolute luma difference of two comparable frames, in grey levels. */
    double pixelChange(int a, int b) {
        int[] x = luma[a];
        int[] y = luma[b];
        long d = 0;
        for (int p = 0; p < x.length; p++) {
            d += Math.abs(y[p] - x[p]);
        }
        return (double) d / Math.max(1, x.length);
    }

    /** Mean absolute difference of the block averages of two comparable frames, in grey levels. */
    double blockChange(int a, int b) {
        int[] x = blocks[a];
        int[] y = blocks[b];
        long d = 0;
        for (int p = 0; p < x.length; p++) {
            d += Math.abs(y[p] - x[p]);
        }
        return (double) d / Math.max(1, x.length) / area();
    }

    /**
     * Smallest mean absolute luma difference between frame {@code b} and frame {@code a} shifted by up to
     * {@code maxShift} pixels either way (the unshifted pair excluded), over the overlap, in grey levels.
     */
    double bestShiftedDiff(int a, int b, int maxShift) {
        int[] x = luma[a];
        int[] y = luma[b];
        int width = widths[a];
        int height = x.length / width;
        double best = Double.POSITIVE_INFINITY;
        for (int dy = -maxShift; dy <= maxShift; dy++) {
            for (int dx = -maxShift; dx <= maxShift; dx++) {
                if (dx == 0 && dy == 0) {
                    continue;
                }
                long sum = 0;
                int count = 0;
                for (int r = Math.max(0, dy); r < Math.min(height, height + dy); r++) {
                    int rowY = r * width;
                    int rowX = (r - dy) * width - dx;
                    for (int c = Math.max(0, dx); c < Math.min(width, width + dx); c++) {
                        sum += Math.abs(y[rowY + c] - x[rowX + c]);
                    }
                    count += Math.min(width, width + dx) - Math.max(0, dx);
                }
                if (count > 0) {
                    best = Math.min(best, (double) sum / count);
                }
            }
        }
        return best;
    }

    /**
     * How far frame {@code mid} is from the average of {@code a} and {@code b}, as a share of how far
     * {@code a} is from {@code b}: near 0 when {@code mid} lies half-way on a blend from one to the other,
     * 0.5 for a hard cut on either side of it, more for motion. Stores the span (mean absolute difference of
     * {@code a} and {@code b}) in {@code span[0]}.
     */
    double midpointRatio(int a, int mid, int b, double[] span) {
        int[] x = blocks[a];
        int[] m = blocks[mid];
        int[] y = blocks[b];
        long d = 0;
        long off = 0;
        for (int p = 0; p < x.length; p++) {
            d += Math.abs(y[p] - x[p]);
            off += Math.abs(2 * m[p] - x[p] - y[p]);
        }
        span[0] = (double) d / x.length / area();
        return d == 0 ? Double.POSITIVE_INFINITY : off / (2.0 * d);
    }
}
