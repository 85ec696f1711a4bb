package io.cuepoint.api.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load benchmark's client, run in its own JVM (see bench/api-load-benchmark.sh): N persistent connections,
 * open loop at a fixed rate, latencies per kind of request. In step mode it raises the rate until a p99 target
 * breaks, errors appear or the server no longer keeps up, and reports the highest rate that held.
 * <pre>
 * LoadGenerator --url http://127.0.0.1:18080 --videos target/bench-db/.../videos.tsv --operator-key KEY
 *               [--connections 64] [--rate 200] [--warmup 15] [--seconds 60]
 *               [--mix window=70,timeline=5,search=25] [--step 50:1.5:20]
 * </pre>
 */
public final class LoadGenerator {
    /** p99 targets of issue #6, milliseconds. */
    private static final Map<String, Double> P99_TARGET_MS = Map.of(Workload.WINDOW, 50.0, Workload.TIMELINE, 50.0,
            Workload.SEARCH, 100.0, Workload.SEARCH_NEXT, 100.0);
    /** A step holds when the answered rate is at least this share of the offered one. */
    private static final double KEEPS_UP = 0.95;

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        var url = java.net.URI.create(opts.getOrDefault("url", "http://127.0.0.1:18080"));
        int n = Integer.parseInt(opts.getOrDefault("connections", "64"));
        List<Workload.BenchVideo> videos = Workload.read(Path.of(opts.get("videos")));
        String operatorKey = opts.get("operator-key");
        var connections = new ArrayList<BenchConnection>();
        for (int i = 0; i < n; i++) {
            connections.add(new BenchConnection(url.getHost(), url.getPort()));
        }
        BenchConnection probe = connections.get(0);
        Map<String, String> keys = tenantKeys(probe, videos, operatorKey);
        List<Workload.BenchVideo> readable = videos.stream().filter(v -> keys.containsKey(v.tenant())).toList();
        Map<String, Double> mix = mix(opts.getOrDefault("mix", "window=70,timeline=5,search=25"));
        var searchProbe = probe.get("/api/v1/events?limit=1", keys.values().iterator().next());
        if (searchProbe.status() != 200) {
            System.out.printf("search: GET /api/v1/events answers %d: reported as n/a, its share left out%n",
                    searchProbe.status());
            mix.remove(Workload.SEARCH);
        }
        System.out.printf("%d connections, %d of %d videos readable, tenants and keys: %s, mix %s%n", n,
                readable.size(), videos.size(), describe(keys, operatorKey), mix);
        var run = new LoadRun(connections, new Workload(readable, keys, mix));
        double warmup = Double.parseDouble(opts.getOrDefault("warmup", "15"));
        if (opts.containsKey("step")) {
            step(run, opts.get("step"), warmup, mix.containsKey(Workload.SEARCH));
        } else {
            double rate = Double.parseDouble(opts.getOrDefault("rate", "200"));
            double seconds = Double.parseDouble(opts.getOrDefault("seconds", "60"));
            LoadRun.Result r = run.run(rate, warmup, seconds);
            System.out.println(ResultTable.render(r, mix.containsKey(Workload.SEARCH), P99_TARGET_MS));
            System.out.println(holds(r) ? "RESULT: targets held" : "RESULT: targets NOT held");
        }
        connections.forEach(BenchConnection::close);
    }

    private static void step(LoadRun run, String spec, double warmup, boolean search) throws InterruptedException {
        String[] p = spec.split(":");
        double rate = Double.parseDouble(p[0]);
        double factor = Double.parseDouble(p[1]);
        double seconds = Double.parseDouble(p[2]);
        double best = 0;
        // The first step warms the JIT and the caches for the whole series.
        for (double stepWarmup = warmup; ; rate *= factor, stepWarmup = Math.min(warmup, 5)) {
            LoadRun.Result r = run.run(rate, stepWarmup, seconds);
            System.out.printf(Locale.ROOT, "%n== offered %.0f req/s%n%s%n", rate, ResultTable.render(r, search,
                    P99_TARGET_MS));
            if (!holds(r)) {
                break;
            }
            best = r.achievedRate();
        }
        System.out.printf(Locale.ROOT, "RESULT: highest rate that held every p99 target with no errors: %.0f req/s%n",
                best);
    }

    static boolean holds(LoadRun.Result r) {
        if (r.achievedRate() < KEEPS_UP * r.targetRate() || r.stuckConnections() > 0) {
            return false;
        }
        for (var e : r.kinds().entrySet()) {
            double p99 = e.getValue().latencies().percentileMicros(99) / 1000.0;
            if (e.getValue().errors() > 0 || p99 > P99_TARGET_MS.get(e.getKey())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The key to send for each tenant: its stored benchmark key where the api accepts it, else the operator key
     * where that reads the tenant's videos; tenants neither reads are left out.
     */
    private static Map<String, String> tenantKeys(BenchConnection probe, List<Workload.BenchVideo> videos,
                                                  String operatorKey) throws java.io.IOException {
        var keys = new LinkedHashMap<String, String>();
        for (Workload.BenchVideo v : videos) {
            if (keys.containsKey(v.tenant()) || keys.containsKey("!" + v.tenant())) {
                continue;
            }
            String path = "/api/v1/videos/" + v.id() + "/events?limit=1";
            for (String key : List.of(EventSeeder.apiKey(v.tenant()), operatorKey)) {
                if (probe.get(path, key).status() == 200) {
                    keys.put(v.tenant(), key);
                    break;
                }
            }
            keys.putIfAbsent("!" + v.tenant(), "");
        }
        keys.keySet().removeIf(k -> k.startsWith("!"));
        return keys;
    }

    private static String describe(Map<String, String> keys, String operatorKey) {
        var parts = new ArrayList<String>();
        keys.forEach((tenant, key) -> parts.add(tenant + "=" + (key.equals(operatorKey) ? "operator" : "stored")));
        return String.join(",", parts);
    }

    private static Map<String, Double> mix(String spec) {
        var mix = new LinkedHashMap<String, Double>();
        for (String part : spec.split(",")) {
            String[] kv = part.split("=");
            mix.put(kv[0].strip(), Double.parseDouble(kv[1]));
        }
        return mix;
    }

    private static Map<String, String> options(String[] args) {
        var opts = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        if (!opts.containsKey("videos") || !opts.containsKey("operator-key")) {
            throw new IllegalArgumentException("--videos FILE and --operator-key KEY are required");
        }
        return opts;
    }
}
