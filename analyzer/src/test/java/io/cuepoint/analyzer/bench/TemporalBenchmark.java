package io.cuepoint.analyzer.bench;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.detect.DecodedSegments;
import io.cuepoint.analyzer.detect.DetectionContext;
import io.cuepoint.analyzer.detect.DetectorRegistry;
import io.cuepoint.analyzer.detect.Segment;
import io.cuepoint.analyzer.detect.SegmentDetector;

import java.nio.file.Path;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * Time of each temporal detector on a decoded video, without decoding, Kafka or the database in the
 * measurement. Not a unit test: {@code bench/temporal-benchmark.sh} runs it.
 *
 * <pre>
 * java -cp ... io.cuepoint.analyzer.bench.TemporalBenchmark VIDEO [DETECTORS] [ROUNDS]
 * </pre>
 *
 * The video is decoded once by ingest's real decoder and segmenter (default ingest settings: 64-px
 * thumbnails of every frame, analysis images at the sampling rate) into the segments an analyzer receives,
 * kept in memory. Each detector named (default {@value #DEFAULT_DETECTORS}; names resolved through
 * {@link DetectorRegistry#standard()}, those not registered are reported and skipped) then analyses every
 * segment, one unmeasured round and ROUNDS measured ones (default 3), alone and all together in the list's
 * order. Prints one line per detector and one for all: median ms per second of video, × real time, frames
 * per second and process CPU ms per video second, tab-separated.
 */
public final class TemporalBenchmark {
    static final String DEFAULT_DETECTORS = "shots,slides,technical,camera,motion";

    private TemporalBenchmark() {
    }

    public static void main(String[] args) {
        Path video = Path.of(args[0]);
        List<String> names = Arrays.asList((args.length > 1 ? args[1] : DEFAULT_DETECTORS).split(","));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;

        long t0 = System.nanoTime();
        List<Segment> segments = DecodedSegments.of(video);
        double decodeS = (System.nanoTime() - t0) / 1e9;
        long frames = segments.stream().mapToLong(s -> s.frames().size()).sum();
        double videoS = segments.get(segments.size() - 1).end().endMs() / 1000.0;
        System.err.printf(Locale.ROOT, "%s: %.1f s, %d frames, %d segments, decoded in %.1f s%n", video, videoS,
                frames, segments.size(), decodeS);

        var registry = DetectorRegistry.standard();
        var detectors = new LinkedHashMap<String, SegmentDetector>();
        for (String name : names) {
            if (!registry.names().contains(name.trim())) {
                System.out.printf("%s\tnot registered (known: %s), skipped%n", name, String.join(",", registry.names()));
                continue;
            }
            var env = new HashMap<>(System.getenv());
            env.put(AnalyzerConfig.DETECTORS, name.trim());
            detectors.put(name.trim(), registry.create(AnalyzerConfig.fromEnvironment(env)).get(0));
        }
        var context = new DetectionContext("bench");
        for (var entry : detectors.entrySet()) {
            report(entry.getKey(), time(List.of(entry.getValue()), segments, context, rounds), videoS, frames);
        }
        if (detectors.size() > 1) {
            report("all (" + String.join(",", detectors.keySet()) + ")",
                    time(List.copyOf(detectors.values()), segments, context, rounds), videoS, frames);
        }
        if (detectors.size() > 1 && Boolean.getBoolean("cuepoint.bench.opencvThreads")) {
            compareOpenCvThreads(List.copyOf(detectors.values()), segments, context, rounds, videoS, frames);
        }
    }

    /**
     * All detectors with OpenCV's default thread pool against one OpenCV thread, the two settings alternating
     * round by round so that both see the same machine load.
     */
    private static void compareOpenCvThreads(List<SegmentDetector> detectors, List<Segment> segments,
                                             DetectionContext context, int rounds, double videoS, long frames) {
        int defaultThreads = org.bytedeco.opencv.global.opencv_core.getNumThreads();
        var pooled = new Timing[rounds];
        var single = new Timing[rounds];
        for (int r = 0; r < rounds; r++) {
            org.bytedeco.opencv.global.opencv_core.setNumThreads(defaultThreads);
            pooled[r] = time(detectors, segments, context, 1);
            org.bytedeco.opencv.global.opencv_core.setNumThreads(1);
            single[r] = time(detectors, segments, context, 1);
        }
        org.bytedeco.opencv.global.opencv_core.setNumThreads(defaultThreads);
        report("all, OpenCV threads " + defaultThreads, merge(pooled), videoS, frames);
        report("all, OpenCV threads 1", merge(single), videoS, frames);
    }

    private static Timing merge(Timing[] rounds) {
        return new Timing(Arrays.stream(rounds).mapToDouble(t -> t.wallS()[0]).toArray(),
                Arrays.stream(rounds).mapToDouble(Timing::cpuS).average().orElse(0));
    }

    /** Wall seconds of each measured round (after one warm-up round), and process CPU seconds of all. */
    private record Timing(double[] wallS, double cpuS) {
    }

    private static Timing time(List<SegmentDetector> detectors, List<Segment> segments, DetectionContext context,
                               int rounds) {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        var wall = new double[rounds];
        long events = 0;
        long cpu = 0;
        for (int r = -1; r < rounds; r++) {
            long cpu0 = os.getProcessCpuTime();
            long t = System.nanoTime();
            for (var segment : segments) {
                for (var detector : detectors) {
                    events += detector.detect(segment, context).size();
                }
            }
            if (r >= 0) {
                wall[r] = (System.nanoTime() - t) / 1e9;
                cpu += os.getProcessCpuTime() - cpu0;
            }
        }
        if (events < 0) {
            throw new AssertionError("unreachable; keeps the results alive");
        }
        return new Timing(wall, cpu / 1e9 / rounds);
    }

    private static void report(String name, Timing timing, double videoS, long frames) {
        double[] sorted = timing.wallS().clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        System.out.printf(Locale.ROOT, "%s\t%.2f ms per video s\t%.1f× real time\t%.0f frames/s\t%.2f CPU ms per video s"
                        + "\t(rounds: %s s)%n", name, 1000 * median / videoS, videoS / median, frames / median,
                1000 * timing.cpuS() / videoS, Arrays.toString(Arrays.stream(timing.wallS())
                        .map(w -> Math.round(w * 100) / 100.0).toArray()));
    }

}
