package io.cuepoint.api.bench;

import io.cuepoint.api.cluster.ClusterApi;
import io.cuepoint.api.cluster.ClusterHarness;
import io.cuepoint.api.cluster.RoleProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Scale-out benchmark (issue #7): the cluster test harness (three KRaft brokers with replication factor 3,
 * PostgreSQL, the packaged program's roles as processes) analyses one video once per analyzer count, each
 * time as a fresh video and with fresh analyzer processes, measuring submit→COMPLETED wall time, media
 * seconds analysed per wall second, the speed-up over the first run, the analyzers' CPU time for the video,
 * per-segment analysis time (from each analyzer's DEBUG line) and the {@code cuepoint-analyzer} group's
 * consumer lag sampled every second. Prints Markdown. Run by {@code bench/scale-out-benchmark.sh}.
 *
 * <p>Arguments: {@code --video PATH --dir DIR [--analyzers 1,2] [--segment-seconds 5] [--tf-threads 1]}.
 */
public final class ScaleOutBenchmark {
    private static final String GROUP = "cuepoint-analyzer";

    private ScaleOutBenchmark() {
    }

    record Run(int analyzers, String loadAtStart, double mediaSeconds, double wallSeconds, double analyzerCpuSeconds,
               List<Integer> segmentsPerProcess, List<Long> segmentMillis, List<LagSampler.Sample> lag, String status) {
        double throughput() {
            return mediaSeconds / wallSeconds;
        }
    }

    public static void main(String[] args) throws Exception {
        var options = options(args);
        Path video = Path.of(require(options, "video")).toAbsolutePath();
        Path dir = ClusterHarness.freshDirectory(Path.of(require(options, "dir")));
        int[] counts = Arrays.stream(options.getOrDefault("analyzers", "1,2").split(",")).mapToInt(Integer::parseInt).toArray();
        String segmentSeconds = options.getOrDefault("segment-seconds", "5");
        String tfThreads = options.getOrDefault("tf-threads", "1");
        var roleEnv = Map.of("CUEPOINT_SEGMENT_SECONDS", segmentSeconds);

        var runs = new ArrayList<Run>();
        try (var cluster = ClusterHarness.start(dir, 3)) {
            var api = cluster.api(cluster.startRole("api", roleEnv));
            cluster.startRole("ingest", roleEnv);
            api.awaitHealthy(Duration.ofMinutes(3));
            for (int n : counts) {
                runs.add(run(cluster, api, video, n, Map.of("CUEPOINT_SEGMENT_SECONDS", segmentSeconds,
                        "CUEPOINT_TF_THREADS", tfThreads)));
                System.err.println("run with " + n + " analyzer(s) done");
            }
        }
        System.out.println(render(video, segmentSeconds, tfThreads, runs));
    }

    private static Run run(ClusterHarness cluster, ClusterApi api, Path video, int n, Map<String, String> env)
            throws Exception {
        var analyzers = new ArrayList<RoleProcess>();
        for (int i = 0; i < n; i++) {
            analyzers.add(cluster.startRole("analyzer", env));
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> cluster.clusterAdmin().spreadOver(GROUP, n));
        // A fresh copy per run: the same input, a new video.
        Path copy = cluster.mediaDir().resolve("run-" + n + "-" + video.getFileName());
        Files.copy(video, copy);
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        double cpuBefore = cpuSeconds(analyzers);
        var sampler = new LagSampler(() -> cluster.consumerLag(GROUP));
        sampler.start();
        long start = System.nanoTime();
        String id = api.submit(copy);
        String status = api.awaitFinished(id, Duration.ofHours(2));
        double wall = (System.nanoTime() - start) / 1e9;
        var lag = sampler.stop();
        double cpu = cpuSeconds(analyzers) - cpuBefore;
        double media = api.video(id).at("/media/durationMs").asLong() / 1000.0;
        var perProcess = new ArrayList<Integer>();
        var millis = new ArrayList<Long>();
        var line = Pattern.compile("segment " + Pattern.quote(id) + "/\\d+: \\d+ events in (\\d+) ms");
        for (RoleProcess analyzer : analyzers) {
            var times = analyzer.logText().lines().map(line::matcher).filter(java.util.regex.Matcher::find)
                    .map(m -> Long.parseLong(m.group(1))).toList();
            perProcess.add(times.size());
            millis.addAll(times);
            analyzer.stop();
        }
        return new Run(n, load, media, wall, cpu, perProcess, millis, lag, status);
    }

    private static double cpuSeconds(List<RoleProcess> processes) {
        return processes.stream().mapToDouble(p -> ProcessHandle.of(p.pid()).flatMap(h -> h.info().totalCpuDuration())
                .map(d -> d.toMillis() / 1000.0).orElse(0.0)).sum();
    }

    static String render(Path video, String segmentSeconds, String tfThreads, List<Run> runs) {
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "video %s, %.1f s of media; %s s segments; %d frame partitions; 3 brokers "
                        + "(RF 3, min ISR 2); CUEPOINT_TF_THREADS=%s per analyzer, 1 worker each; %d cores%n%n",
                video.getFileName(), runs.isEmpty() ? 0 : runs.get(0).mediaSeconds(), segmentSeconds,
                ClusterHarness.FRAME_PARTITIONS, tfThreads, Runtime.getRuntime().availableProcessors()));
        sb.append("| analyzers | status | load avg at start | wall s | media s / wall s | speed-up | analyzer CPU s "
                + "| segments per process | segment ms mean / p50 / max | max lag (records) |\n");
        sb.append("|---:|---|---|---:|---:|---:|---:|---|---|---:|\n");
        double base = runs.isEmpty() ? 1 : runs.get(0).throughput();
        for (Run r : runs) {
            var sorted = r.segmentMillis().stream().sorted().toList();
            String segments = sorted.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.0f / %d / %d",
                    sorted.stream().mapToLong(Long::longValue).average().orElse(0), sorted.get(sorted.size() / 2),
                    sorted.get(sorted.size() - 1));
            sb.append(String.format(Locale.ROOT, "| %d | %s | %s | %.1f | %.2f | %.2f× | %.0f | %s | %s | %d |%n",
                    r.analyzers(), r.status(), r.loadAtStart().split(" ")[0] + " " + r.loadAtStart().split(" ")[1]
                            + " " + r.loadAtStart().split(" ")[2], r.wallSeconds(), r.throughput(),
                    r.throughput() / base, r.analyzerCpuSeconds(), r.segmentsPerProcess(), segments,
                    LagSampler.max(r.lag())));
        }
        sb.append('\n');
        for (Run r : runs) {
            sb.append(String.format(Locale.ROOT, "lag of %s with %d analyzer(s), seconds:records every 5 s: %s%n",
                    GROUP, r.analyzers(), LagSampler.series(r.lag(), 5)));
        }
        return sb.toString();
    }

    private static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required (see bench/scale-out-benchmark.sh)");
        }
        return value;
    }
}
