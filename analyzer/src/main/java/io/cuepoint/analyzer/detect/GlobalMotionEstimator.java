package io.cuepoint.analyzer.detect;

import static org.bytedeco.opencv.global.opencv_calib3d.RANSAC;
import static org.bytedeco.opencv.global.opencv_calib3d.estimateAffinePartial2D;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgproc.goodFeaturesToTrack;
import static org.bytedeco.opencv.global.opencv_video.calcOpticalFlowPyrLK;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;

/**
 * The global motion between two consecutive grey thumbnails: corners of the earlier one
 * ({@code goodFeaturesToTrack}) followed into the later one by pyramidal Lucas-Kanade flow, and one
 * similarity transform (translation, rotation, uniform scale) fitted to the tracks by RANSAC
 * ({@code estimateAffinePartial2D}). Tracks on a moving object disagree with the background's and end up
 * as outliers, so the transform is the camera's as long as the background holds most of the corners;
 * the inlier share says how far to trust it. Holds native buffers reused from pair to pair: one per
 * segment (or per thread), closed after it.
 */
final class GlobalMotionEstimator implements AutoCloseable {
    /** Motion of the picture content from one frame to the next. */
    record Step(boolean valid, double dx, double dy, double scale, int tracks, double inlierShare) {
        static final Step NONE = new Step(false, 0, 0, 1, 0, 0);
    }

    /** Tolerance of the second, looser fit, as a multiple of the first's. */
    static final double LOOSE_FACTOR = 3;

    private final int maxCorners;
    private final double ransacPixels;
    private Mat previous = new Mat();
    private Mat next = new Mat();
    private final Mat corners = new Mat();
    private final Mat moved = new Mat();
    private final Mat status = new Mat();
    private final Mat error = new Mat();
    private final Mat inliers = new Mat();
    private final Mat noMask = new Mat();
    // 11 x 11 on one pyramid level above the 64-px thumbnail: smaller windows, or a 16-px top level, lock onto
    // the wrong period of repetitive texture and break up tracks of a moving picture.
    private final Size window = new Size(11, 11);
    // COUNT + EPS: at most 10 iterations, stop when a step moves less than 0.02 px.
    private final TermCriteria criteria = new TermCriteria(3, 10, 0.02);

    /**
     * @param maxCorners   corners tracked per pair
     * @param ransacPixels largest reprojection error, in thumbnail pixels, of a track that agrees with the
     *                     transform
     */
    GlobalMotionEstimator(int maxCorners, double ransacPixels) {
        this.maxCorners = maxCorners;
        this.ransacPixels = ransacPixels;
    }

    /**
     * The motion from {@code before} to {@code after}, both grey, {@code width} x {@code height}, one byte
     * per pixel. Too few corners or too few tracks that agree give {@link Step#NONE}.
     */
    Step between(byte[] before, byte[] after, int width, int height, double minInlierShare) {
        previous = load(previous, before, width, height);
        next = load(next, after, width, height);
        goodFeaturesToTrack(previous, corners, maxCorners, 0.01, 2, noMask, 3, false, 0.04);
        int found = corners.rows();
        if (found < 6) {
            return Step.NONE;
        }
        calcOpticalFlowPyrLK(previous, next, corners, moved, status, error, window, 1, criteria, 0, 1e-4);
        int tracked = 0;
        try (var ok = status.createIndexer()) {
            var flags = (UByteIndexer) ok;
            for (int i = 0; i < found; i++) {
                tracked += flags.get(i) != 0 ? 1 : 0;
            }
        }
        if (tracked < 6) {
            return Step.NONE;
        }
        try (var from = new Mat(tracked, 1, CV_32FC2);
             var to = new Mat(tracked, 1, CV_32FC2)) {
            copyTracked(from, to, found);
            var step = fit(from, to, tracked, width, height, ransacPixels, minInlierShare);
            if (!step.valid() && step.tracks() > 0) {
                // A moving thumbnail is resampled differently every frame, so the tracks of a panning or
                // shaking camera scatter by half a pixel: retry looser. A still camera passes the tight fit
                // first, which keeps slowly moving objects out of its estimate.
                step = fit(from, to, tracked, width, height, ransacPixels * LOOSE_FACTOR, minInlierShare);
            }
            return step;
        }
    }

    private Step fit(Mat from, Mat to, int tracked, int width, int height, double tolerance, double minInlierShare) {
        try (var transform = estimateAffinePartial2D(from, to, inliers, RANSAC, tolerance, 200, 0.99, 10)) {
            if (transform.empty()) {
                return Step.NONE;
            }
            int agreeing = countNonZero(inliers);
            double share = (double) agreeing / tracked;
            if (share < minInlierShare) {
                return new Step(false, 0, 0, 1, tracked, share);
            }
            try (var m = transform.<DoubleIndexer>createIndexer()) {
                double a = m.get(0, 0);
                double b = m.get(1, 0);
                // The centre's displacement: a zoom about the centre moves it by nothing.
                double cx = width / 2.0;
                double cy = height / 2.0;
                double dx = a * cx - b * cy + m.get(0, 2) - cx;
                double dy = b * cx + a * cy + m.get(1, 2) - cy;
                return new Step(true, dx, dy, Math.hypot(a, b), tracked, share);
            }
        }
    }

    private void copyTracked(Mat from, Mat to, int found) {
        try (var flags = status.<UByteIndexer>createIndexer();
             var src = corners.<FloatIndexer>createIndexer();
             var dst = moved.<FloatIndexer>createIndexer();
             var f = from.<FloatIndexer>createIndexer();
             var t = to.<FloatIndexer>createIndexer()) {
            int k = 0;
            for (int i = 0; i < found; i++) {
                if (flags.get(i) == 0) {
                    continue;
                }
                f.put(k, 0, 0, src.get(i, 0, 0));
                f.put(k, 0, 1, src.get(i, 0, 1));
                t.put(k, 0, 0, dst.get(i, 0, 0));
                t.put(k, 0, 1, dst.get(i, 0, 1));
                k++;
            }
        }
    }

    private static Mat load(Mat mat, byte[] grey, int width, int height) {
        if (mat.rows() != height || mat.cols() != width) {
            mat.close();
            mat = new Mat(height, width, CV_8UC1);
        }
        mat.data().put(grey, 0, width * height);
        return mat;
    }

    @Override
    public void close() {
        previous.close();
        next.close();
        corners.close();
        moved.close();
        status.close();
        error.close();
        inliers.close();
        noMask.close();
        window.close();
        criteria.close();
    }
}
