package io.cuepoint.api.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A load run as a Markdown table: one row per kind of request, latencies in milliseconds. */
final class ResultTable {
    private ResultTable() {
    }

    static String render(LoadRun.Result r, boolean search, Map<String, Double> targets) {
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "offered %.1f req/s, answered %.1f req/s over %.1f s%s%n", r.targetRate(),
                r.achievedRate(), r.measuredSeconds(),
                r.stuckConnections() > 0 ? ", " + r.stuckConnections() + " connections stuck" : ""));
        sb.append("| query | count | errors | rate/s | p50 | p90 | p99 | p99.9 | max | p99 target |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (String kind : List.of(Workload.WINDOW, Workload.TIMELINE, Workload.SEARCH, Workload.SEARCH_NEXT)) {
            LoadRun.KindResult k = r.kinds().get(kind);
            boolean searchKind = kind.startsWith(Workload.SEARCH);
            if (k == null) {
                if (searchKind && !search) {
                    sb.append("| ").append(kind).append(" | n/a (no search endpoint) |||||||||\n");
                }
                continue;
            }
            LatencyHistogram h = k.latencies();
            double p99 = h.percentileMicros(99) / 1000.0;
            double target = targets.get(kind);
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %s | %s | %s | %s | %s | %s %.0f ms |%n",
                    kind, h.count(), k.errors(), (h.count() + k.errors()) / r.measuredSeconds(), ms(h, 50), ms(h, 90),
                    ms(h, 99), ms(h, 99.9), String.format(Locale.ROOT, "%.1f", h.maxMicros() / 1000.0),
                    p99 <= target && k.errors() == 0 ? "ok ≤" : "MISSED ≤", target));
        }
        r.kinds().forEach((kind, k) -> {
            if (k.firstError() != null) {
                sb.append("first ").append(kind).append(" error: ").append(k.firstError()).append('\n');
            }
        });
        return sb.toString();
    }

    private static String ms(LatencyHistogram h, double percentile) {
        return String.format(Locale.ROOT, "%.1f", h.percentileMicros(percentile) / 1000.0);
    }
}
