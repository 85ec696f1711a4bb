package io.cuepoint.api.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One open-loop run at a fixed request rate: a dispatcher puts requests on a queue at their intended send times,
 * whether or not earlier ones have been answered, and the connections' threads take them in order. A request's
 * latency runs from its intended send time to the end of its answer, so time spent queued behind a slow server
 * counts (no coordinated omission). Requests intended during the warm-up are sent but not recorded.
 */
final class LoadRun {
    /** Results of one kind of request. */
    record KindResult(LatencyHistogram latencies, long errors, String firstError) {
    }

    /** Results of the run. */
    record Result(double targetRate, double achievedRate, double measuredSeconds, Map<String, KindResult> kinds,
                  long stuckConnections) {
    }

    private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");
    private static final Object STOP = new Object();

    private final List<BenchConnection> connections;
    private final Workload workload;

    LoadRun(List<BenchConnection> connections, Workload workload) {
        this.connections = connections;
        this.workload = workload;
    }

    Result run(double rate, double warmupSeconds, double seconds) throws InterruptedException {
        var histograms = new ConcurrentHashMap<String, LatencyHistogram>();
        var errors = new ConcurrentHashMap<String, AtomicLong>();
        var firstErrors = new ConcurrentHashMap<String, String>();
        var lastAnswer = new AtomicLong();
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        long start = System.nanoTime() + 10_000_000;
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long end = measureFrom + (long) (seconds * 1e9);
        var threads = new Thread[connections.size()];
        for (int i = 0; i < threads.length; i++) {
            BenchConnection connection = connections.get(i);
            threads[i] = new Thread(() -> {
                try {
                    for (Object item = queue.take(); item != STOP; item = queue.take()) {
                        var scheduled = (Scheduled) item;
                        boolean measured = scheduled.intended >= measureFrom;
                        Outcome o = send(connection, scheduled.request, scheduled.intended, measured, histograms,
                                errors, firstErrors);
                        if (o.nextCursor != null) {
                            send(connection, Workload.nextPage(scheduled.request, o.nextCursor), System.nanoTime(),
                                    measured, histograms, errors, firstErrors);
                        }
                        if (measured) {
                            lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "load-" + i);
            threads[i].start();
        }
        long period = (long) (1e9 / rate);
        long sent = 0;
        for (long intended = start; intended < end; intended = start + ++sent * period) {
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            queue.put(new Scheduled(workload.next(), intended));
        }
        for (int i = 0; i < threads.length; i++) {
            queue.put(STOP);
        }
        long stuck = 0;
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
            if (t.isAlive()) {
                stuck++;
            }
        }
        double measured = Math.max(seconds, (lastAnswer.get() - measureFrom) / 1e9);
        var kinds = new LinkedHashMap<String, KindResult>();
        long answered = 0;
        for (String kind : List.of(Workload.WINDOW, Workload.TIMELINE, Workload.SEARCH, Workload.SEARCH_NEXT)) {
            LatencyHistogram h = histograms.get(kind);
            long e = errors.getOrDefault(kind, new AtomicLong()).get();
            if (h != null || e > 0) {
                kinds.put(kind, new KindResult(h == null ? new LatencyHistogram() : h, e, firstErrors.get(kind)));
                if (!kind.equals(Workload.SEARCH_NEXT)) {
                    answered += (h == null ? 0 : h.count()) + e;
                }
            }
        }
        return new Result(rate, answered / measured, measured, kinds, stuck);
    }

    private record Scheduled(Workload.Request request, long intended) {
    }

    private record Outcome(String nextCursor) {
    }

    private static Outcome send(BenchConnection connection, Workload.Request request, long intended, boolean measured,
                                Map<String, LatencyHistogram> histograms, Map<String, AtomicLong> errors,
                                Map<String, String> firstErrors) {
        String error;
        String cursor = null;
        try {
            BenchConnection.Response response = connection.get(request.path(), request.apiKey());
            long micros = (System.nanoTime() - intended) / 1000;
            if (response.status() == 200) {
                if (measured) {
                    histograms.computeIfAbsent(request.kind(), k -> new LatencyHistogram()).record(micros);
                }
                if (request.kind().equals(Workload.SEARCH)) {
                    Matcher m = NEXT_CURSOR.matcher(response.text());
                    cursor = m.find() ? m.group(1) : null;
                }
                return new Outcome(cursor);
            }
            String body = response.text();
            error = response.status() + " " + body.substring(0, Math.min(200, body.length()));
        } catch (Exception e) {
            error = e.toString();
        }
        if (measured) {
            errors.computeIfAbsent(request.kind(), k -> new AtomicLong()).incrementAndGet();
            firstErrors.putIfAbsent(request.kind(), request.path() + " -> " + error);
        }
        return new Outcome(null);
    }
}
