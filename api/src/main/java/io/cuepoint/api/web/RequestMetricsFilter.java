package io.cuepoint.api.web;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.time.Duration;

/**
 * Times every HTTP request of the public server into {@value #REQUESTS}, tagged with the method and the
 * response status only: paths carry video ids, and a series per video would swamp Prometheus. Runs first on
 * the way in and last on the way out, so refusals by the authentication filter are timed too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestMetricsFilter implements Ordered {
    /** Histogram buckets: request latencies that matter for an api: a few ms to a slow export or upload. */
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000),
            Duration.ofMillis(2500), Duration.ofMillis(5000), Duration.ofMillis(10000),
            Duration.ofMillis(30000)};
    static final String REQUESTS = "cuepoint.http.requests";
    private static final String STARTED = RequestMetricsFilter.class.getName() + ".started";

    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    void record(HttpRequest<?> request, HttpResponse<?> response) {
        request.getAttribute(STARTED, Long.class).ifPresent(started -> Timer.builder(REQUESTS)
                .description("HTTP requests served by the api").tag("method", request.getMethodName())
                .tag("status", Integer.toString(response.code()))
                .serviceLevelObjectives(BUCKETS)
                .register(Metrics.globalRegistry).record(Duration.ofNanos(System.nanoTime() - started)));
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
