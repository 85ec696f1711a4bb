package io.cuepoint.analyzer.detect;

/**
 * Luma of the packed BGR thumbnails, in plain Java: thumbnails are tiny, and a loop over their bytes costs
 * less than a native round trip.
 */
final class ThumbnailLuma {
    static final int BINS = 16;

    private ThumbnailLuma() {
    }

    /** One byte of luma per pixel (BT.601 weights in fixed point). */
    static byte[] grey(byte[] bgr) {
        var grey = new byte[bgr.length / 3];
        for (int p = 0; p < grey.length; p++) {
            int b = bgr[3 * p] & 0xff;
            int g = bgr[3 * p + 1] & 0xff;
            int r = bgr[3 * p + 2] & 0xff;
            grey[p] = (byte) ((29 * b + 150 * g + 77 * r + 128) >> 8);
        }
        return grey;
    }

    /** Mean luma, 0 to 255. */
    static double mean(byte[] grey) {
        long sum = 0;
        for (byte v : grey) {
            sum += v & 0xff;
        }
        return grey.length == 0 ? 0 : (double) sum / grey.length;
    }

    /** Standard deviation of the luma around {@code mean}. */
    static double spread(byte[] grey, double mean) {
        double sum = 0;
        for (byte v : grey) {
            double d = (v & 0xff) - mean;
            sum += d * d;
        }
        return grey.length == 0 ? 0 : Math.sqrt(sum / grey.length);
    }

    /** Normalized luma histogram of {@value #BINS} bins. */
    static double[] histogram(byte[] grey) {
        var hist = new double[BINS];
        for (byte v : grey) {
            hist[(v & 0xff) * BINS / 256]++;
        }
        for (int i = 0; i < BINS; i++) {
            hist[i] /= Math.max(1, grey.length);
        }
        return hist;
    }

    /** Half the L1 distance of two normalized histograms: 0 the same, 1 disjoint. */
    static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / 2;
    }
}
