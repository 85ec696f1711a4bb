package io.cuepoint.analyzer.detect;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Cost per frame of the technical and camera detectors on 20 s of 720p at 25 fps
 * ({@link GeneratedClips#hd()}), as thread CPU time (steadier than wall time on a shared machine) and
 * wall time, best of five passes. Not part of the build (the name does not end in Test); run with
 * {@code mvn -o -pl analyzer -am verify -Dsurefire.failIfNoSpecifiedTests=false -Dtest=TemporalCostBenchmark}.
 * Asserts nothing about time: it prints.
 */
class TemporalCostBenchmark {
    @Test
    void costPerFrame() {
        var segments = DecodedSegments.of(GeneratedClips.hd());
        int frames = segments.stream().mapToInt(s -> s.frames().size()).sum();
        var ctx = new DetectionContext("bench");
        for (int threads : new int[] {org.bytedeco.opencv.global.opencv_core.getNumThreads(), 1}) {
            org.bytedeco.opencv.global.opencv_core.setNumThreads(threads);
            SegmentDetector[] detectors = {new TechnicalDetector(TechnicalConfig.defaults()),
                    new CameraDetector(CameraConfig.defaults())};
            for (var detector : detectors) {
                long bestCpu = Long.MAX_VALUE;
                long bestWall = Long.MAX_VALUE;
                for (int pass = 0; pass < 5; pass++) {
                    long cpu = cpu();
                    long wall = System.nanoTime();
                    segments.forEach(s -> detector.detect(s, ctx));
                    bestCpu = Math.min(bestCpu, cpu() - cpu);
                    bestWall = Math.min(bestWall, System.nanoTime() - wall);
                }
                System.out.printf("BENCH %s opencvThreads=%d frames=%d thumb=%dx%d cpu %.3f ms/frame, wall %.3f ms/frame%n",
                        detector.name(), threads, frames, segments.get(0).frames().get(0).thumbWidth(),
                        segments.get(0).frames().get(0).thumbHeight(), bestCpu / 1e6 / frames, bestWall / 1e6 / frames);
            }
        }
    }

    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
