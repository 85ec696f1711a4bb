package io.cuepoint.analyzer.detect;

import org.bytedeco.opencv.global.opencv_core;

/**
 * Runs OpenCV's functions on the calling thread only. An analyzer gets its parallelism from worker threads
 * (one segment each) and TensorFlow's own pools; OpenCV's pool on top of them splits images of 64 to 640
 * pixels into pieces too small to pay for the hand-over. Measured with {@code bench/temporal-benchmark.sh}
 * ({@code -Dcuepoint.bench.opencvThreads=true}), all temporal detectors, 5 alternating rounds on 2 cores:
 * 39.4× real time with one thread against 33.1× with OpenCV's default of 2. The setting is process-wide.
 */
final class OpenCvThreads {
    private OpenCvThreads() {
    }

    static void useCallingThreadOnly() {
        if (opencv_core.getNumThreads() != 1) {
            opencv_core.setNumThreads(1);
        }
    }
}
