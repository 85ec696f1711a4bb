package io.cuepoint.analyzer.detect;

import io.cuepoint.ingest.wire.FrameRecord;

/**
 * How different two thumbnails look, 0 (same) to 1: the mean of a colour-histogram distance (robust to
 * motion inside the picture) and the mean absolute pixel difference (catches cuts between shots of
 * similar colours). Plain Java over the packed BGR bytes: thumbnails are tiny, and avoiding native
 * round trips per frame is both faster and exactly reproducible.
 */
final class ThumbnailChange {
    private static final int HUE_BINS = 16;
    private static final int SAT_BINS = 4;
    private static final int VAL_BINS = 4;

    private ThumbnailChange() {
    }

    /** Normalized joint HSV histogram of a packed BGR thumbnail. */
    static double[] histogram(FrameRecord frame) {
        byte[] bgr = frame.thumbnail();
        var hist = new double[HUE_BINS * SAT_BINS * VAL_BINS];
        int pixels = bgr.length / 3;
        for (int p = 0; p < pixels; p++) {
            int b = bgr[3 * p] & 0xff;
            int g = bgr[3 * p + 1] & 0xff;
            int r = bgr[3 * p + 2] & 0xff;
            int max = Math.max(r, Math.max(g, b));
            int min = Math.min(r, Math.min(g, b));
            int s = max == 0 ? 0 : Math.min(SAT_BINS - 1, (max - min) * SAT_BINS / (max + 1));
            int v = Math.min(VAL_BINS - 1, max * VAL_BINS / 256);
            // Hue of a nearly grey pixel is noise; pinning it keeps grey scenes stable.
            int h = s == 0 ? 0 : Math.min(HUE_BINS - 1, (int) (hue(r, g, b, max, min) * HUE_BINS / 360.0));
            hist[(h * SAT_BINS + s) * VAL_BINS + v]++;
        }
        if (pixels > 0) {
            for (int i = 0; i < hist.length; i++) {
                hist[i] /= pixels;
            }
        }
        return hist;
    }

    /** Change score between consecutive thumbnails with their precomputed histograms. */
    static double score(FrameRecord a, double[] histA, FrameRecord b, double[] histB) {
        double hist = 0;
        for (int i = 0; i < histA.length; i++) {
            hist += Math.abs(histA[i] - histB[i]);
        }
        hist /= 2;
        byte[] pa = a.thumbnail();
        byte[] pb = b.thumbnail();
        if (pa.length != pb.length || pa.length == 0) {
            // A resolution change mid-video: pixels cannot be compared, the histogram still can.
            return hist;
        }
        long sum = 0;
        for (int i = 0; i < pa.length; i++) {
            sum += Math.abs((pa[i] & 0xff) - (pb[i] & 0xff));
        }
        double mad = sum / (255.0 * pa.length);
        return (hist + mad) / 2;
    }

    private static double hue(int r, int g, int b, int max, int min) {
        double d = max - min;
        double h;
        if (max == r) {
            h = 60 * (((g - b) / d) % 6);
        } else if (max == g) {
            h = 60 * ((b - r) / d + 2);
        } else {
            h = 60 * ((r - g) / d + 4);
        }
        return h < 0 ? h + 360 : h;
    }
}
