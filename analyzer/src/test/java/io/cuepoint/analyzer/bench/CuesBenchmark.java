package io.cuepoint.analyzer.bench;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.AnalyzerException;
import io.cuepoint.analyzer.audio.AudioSamples;
import io.cuepoint.analyzer.detect.ArtifactDetector;
import io.cuepoint.analyzer.detect.DecodedSegments;
import io.cuepoint.analyzer.detect.DerivedDetector;
import io.cuepoint.analyzer.detect.DetectionContext;
import io.cuepoint.analyzer.detect.DetectorRegistry;
import io.cuepoint.analyzer.detect.Segment;
import io.cuepoint.analyzer.detect.SegmentDetector;
import io.cuepoint.analyzer.detect.SharedModels;
import io.cuepoint.analyzer.model.ModelRepository;
import io.cuepoint.analyzer.wire.Event;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the engagement cues (issue 5: hands, speech, presenter, skills) add to the analyzer's time per video
 * minute. Not a unit test: {@code bench/cues-benchmark.sh} runs it.
 *
 * <pre>
 * java -Dcuepoint.bench.base=... -Dcuepoint.bench.cues=... -cp ... io.cuepoint.analyzer.bench.CuesBenchmark VIDEO [ROUNDS]
 * </pre>
 *
 * The video is decoded once by ingest's real decoder and segmenter (default settings, the 16 kHz waveform
 * included) into the segments an analyzer receives, kept in memory. Two detector sets then analyse every
 * segment as {@code SegmentAnalyzer} does (configured order, derived detectors given the events before
 * them): (a) the base set, system property {@code cuepoint.bench.base} (default {@value #DEFAULT_BASE}), and
 * (b) the base set followed by the cue set, {@code cuepoint.bench.cues} (default {@value #DEFAULT_CUES}).
 * Names the registry does not know are reported and skipped, so the benchmark runs with whichever cue
 * detectors exist. Both sets share one instance of each detector and one copy of each model; after one
 * unmeasured round of each, they alternate for ROUNDS measured rounds (default 3), so both see the same
 * machine load. Prints, tab-separated: each set's median wall and process CPU milliseconds per video
 * minute and its speed against real time; each detector's median in set (b) and its share of (b); and the
 * cues' share of (b), from their own times and from the difference between (b) and (a).
 */
public final class CuesBenchmark {
    static final String DEFAULT_BASE = "shots,slides,technical,camera,motion,pose,faces,objects";
    static final String DEFAULT_CUES = "hands,speech,presenter,skills";

    private CuesBenchmark() {
    }

    public static void main(String[] args) {
        Path video = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        var registry = DetectorRegistry.standard();
        List<String> base = known(registry, System.getProperty("cuepoint.bench.base", DEFAULT_BASE), "base");
        List<String> cues = known(registry, System.getProperty("cuepoint.bench.cues", DEFAULT_CUES), "cue");
        if (base.isEmpty()) {
            throw new IllegalArgumentException("no base detector is registered");
        }

        long t0 = System.nanoTime();
        List<Segment> segments = DecodedSegments.of(video);
        double decodeS = (System.nanoTime() - t0) / 1e9;
        double videoMin = segments.get(segments.size() - 1).end().endMs() / 60_000.0;
        long frames = segments.stream().mapToLong(s -> s.frames().size()).sum();
        long withWaveform = segments.stream().filter(s -> AudioSamples.of(s.audio()).isPresent()).count();
        System.out.printf(Locale.ROOT, "video\t%s: %.2f min, %d frames, %d segments (%d with a waveform), decoded in %.1f s%n",
                video.getFileName(), videoMin, frames, segments.size(), withWaveform, decodeS);

        // As in production: OpenCV on the calling thread only (see OpenCvThreads), TensorFlow's own pools.
        org.bytedeco.opencv.global.opencv_core.setNumThreads(1);
        var all = new ArrayList<>(base);
        all.addAll(cues);
        var env = new HashMap<>(System.getenv());
        env.put(AnalyzerConfig.DETECTORS, String.join(",", all));
        var config = AnalyzerConfig.fromEnvironment(env);
        var models = new SharedModels(new ModelRepository(config.models())::load);
        try (var lease = models.acquire(registry.models(config))) {
            List<SegmentDetector> detectors;
            try {
                detectors = registry.create(config, lease.models());
            } catch (AnalyzerException e) {
                System.out.println("cannot build the detectors: " + e.getMessage());
                System.exit(2);
                return;
            }
            var baseDetectors = detectors.subList(0, base.size());
            var context = new DetectionContext("bench");
            run(baseDetectors, segments, context);
            run(detectors, segments, context);
            var roundsA = new ArrayList<Round>();
            var roundsB = new ArrayList<Round>();
            for (int r = 0; r < rounds; r++) {
                roundsA.add(run(baseDetectors, segments, context));
                roundsB.add(run(detectors, segments, context));
            }
            report(base, cues, roundsA, roundsB, videoMin);
            detectors.forEach(CuesBenchmark::closeQuietly);
        }
    }

    private static List<String> known(DetectorRegistry registry, String names, String role) {
        var out = new ArrayList<String>();
        for (String raw : names.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (registry.names().contains(name)) {
                out.add(name);
            } else {
                System.out.printf("skipped\t%s detector '%s' is not registered (known: %s)%n", role, name,
                        String.join(",", registry.names()));
            }
        }
        return out;
    }

    /** One pass over every segment: wall nanoseconds per detector, in order, and process CPU nanoseconds. */
    private record Round(long[] detectorNs, long cpuNs, long events, int failures) {
        long wallNs() {
            return Arrays.stream(detectorNs).sum();
        }
    }

    private static Round run(List<SegmentDetector> detectors, List<Segment> segments, DetectionContext context) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] ns = new long[detectors.size()];
        long count = 0;
        int failures = 0;
        long cpu0 = os.getProcessCpuTime();
        for (var segment : segments) {
            var events = new ArrayList<Event>();
            for (int d = 0; d < detectors.size(); d++) {
                var detector = detectors.get(d);
                long t = System.nanoTime();
                try {
                    if (detector instanceof DerivedDetector derived) {
                        events.addAll(derived.derive(segment, List.copyOf(events), context).events());
                    } else if (detector instanceof ArtifactDetector producer) {
                        events.addAll(producer.analyze(segment, context).events());
                    } else {
                        events.addAll(detector.detect(segment, context));
                    }
                } catch (RuntimeException e) {
                    // Reported, not fatal: the analyzer too publishes the other detectors' events.
                    if (failures++ == 0) {
                        System.out.printf("failed\t%s on segment %d: %s%n", detector.name(), segment.index(), e);
                    }
                }
                ns[d] += System.nanoTime() - t;
            }
            count += events.size();
        }
        return new Round(ns, os.getProcessCpuTime() - cpu0, count, failures);
    }

    private static void report(List<String> base, List<String> cues, List<Round> a, List<Round> b, double videoMin) {
        double aMs = median(a.stream().mapToDouble(r -> r.wallNs() / 1e6).toArray());
        double bMs = median(b.stream().mapToDouble(r -> r.wallNs() / 1e6).toArray());
        line("(a) base " + String.join(",", base), aMs, a, videoMin);
        line("(b) base + cues " + String.join(",", cues), bMs, b, videoMin);
        var perDetector = new LinkedHashMap<String, Double>();
        var names = new ArrayList<>(base);
        names.addAll(cues);
        for (int d = 0; d < names.size(); d++) {
            int index = d;
            perDetector.put(names.get(d), median(b.stream().mapToDouble(r -> r.detectorNs()[index] / 1e6).toArray()));
        }
        double cueMs = 0;
        for (Map.Entry<String, Double> e : perDetector.entrySet()) {
            boolean cue = cues.contains(e.getKey());
            if (cue) {
                cueMs += e.getValue();
            }
            System.out.printf(Locale.ROOT, "%s%s\t%.0f ms per video min\t%.1f %% of (b)%n", cue ? "cue " : "",
                    e.getKey(), e.getValue() / videoMin, 100 * e.getValue() / bMs);
        }
        if (cues.isEmpty()) {
            System.out.printf(Locale.ROOT, "cues\tnone of the cue detectors is registered: (b) runs the same detectors "
                    + "as (a), so their difference, %.1f %%, is this run's measurement noise%n", 100 * (bMs - aMs) / bMs);
            return;
        }
        System.out.printf(Locale.ROOT, "cues' share\t%.0f ms per video min = %.1f %% of (b) (the cue detectors' own "
                        + "times); (b) - (a) = %.0f ms per video min = %.1f %% of (b)%n", cueMs / videoMin,
                100 * cueMs / bMs, (bMs - aMs) / videoMin, 100 * (bMs - aMs) / bMs);
    }

    private static void line(String name, double medianMs, List<Round> rounds, double videoMin) {
        double cpuMs = median(rounds.stream().mapToDouble(r -> r.cpuNs() / 1e6).toArray());
        System.out.printf(Locale.ROOT, "%s\t%.0f ms per video min\t%.0f CPU ms per video min\t%.1f× real time"
                        + "\t%d events per round\t%d failures\t(rounds: %s ms per video min)%n", name,
                medianMs / videoMin, cpuMs / videoMin, 60_000 * videoMin / medianMs,
                rounds.get(0).events(), rounds.stream().mapToInt(Round::failures).sum(),
                Arrays.toString(rounds.stream().mapToLong(r -> Math.round(r.wallNs() / 1e6 / videoMin)).toArray()));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void closeQuietly(SegmentDetector detector) {
        if (detector instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("closing " + detector.name() + ": " + e);
            }
        }
    }
}
