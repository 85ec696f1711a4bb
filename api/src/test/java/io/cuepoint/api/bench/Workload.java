package io.cuepoint.api.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the load generator asks for, drawn at random in a fixed mix: a player's timeline window
 * ({@code GET /videos/{id}/events?from=&to=&limit=100}), a whole timeline ({@code GET /videos/{id}/timeline}) and a
 * cross-video search ({@code GET /events?type=&course=&minConfidence=&limit=100}, whose next page the worker follows).
 * Each request carries the key of the video's tenant.
 */
final class Workload {
    static final String WINDOW = "window";
    static final String TIMELINE = "timeline";
    static final String SEARCH = "search";
    static final String SEARCH_NEXT = "search-next";
    /** A player shows five minutes of timeline around the playhead. */
    private static final long WINDOW_MS = 300_000;
    private static final String[] MIN_CONFIDENCE = {null, "0.5", "0.8"};

    /** One video as the seeder wrote it. */
    record BenchVideo(String id, String tenant, String course, long durationMs) {
    }

    /** One request to send: its kind, path with query, and credential. */
    record Request(String kind, String path, String apiKey) {
    }

    private final List<BenchVideo> videos;
    private final Map<String, String> keys;
    private final Map<String, List<String>> courses = new LinkedHashMap<>();
    private final Map<String, Double> mix;
    private final List<String> types = EventSeeder.types();
    private final SplittableRandom random = new SplittableRandom(7);

    /**
     * @param videos the videos to read
     * @param keys   the API key to send per tenant
     * @param mix    share of each kind ({@link #WINDOW}, {@link #TIMELINE}, {@link #SEARCH}); need not sum to 1
     */
    Workload(List<BenchVideo> videos, Map<String, String> keys, Map<String, Double> mix) {
        this.videos = List.copyOf(videos);
        this.keys = Map.copyOf(keys);
        this.mix = new LinkedHashMap<>(mix);
        for (BenchVideo v : videos) {
            var list = courses.computeIfAbsent(v.tenant(), t -> new ArrayList<>());
            if (!list.contains(v.course())) {
                list.add(v.course());
            }
        }
    }

    static List<BenchVideo> read(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> l.split("\t"))
                .map(f -> new BenchVideo(f[0], f[1], f[2], Long.parseLong(f[3]))).toList();
    }

    /** The next request of the mix; called by the one dispatching thread. */
    Request next() {
        double total = mix.values().stream().mapToDouble(Double::doubleValue).sum();
        double r = random.nextDouble() * total;
        String kind = null;
        for (var e : mix.entrySet()) {
            kind = e.getKey();
            r -= e.getValue();
            if (r < 0) {
                break;
            }
        }
        BenchVideo v = videos.get(random.nextInt(videos.size()));
        String key = keys.get(v.tenant());
        return switch (kind) {
            case WINDOW -> {
                long from = random.nextLong(Math.max(1, v.durationMs() - WINDOW_MS));
                yield new Request(WINDOW, "/api/v1/videos/" + v.id() + "/events?from=" + from + "&to="
                        + (from + WINDOW_MS) + "&limit=100", key);
            }
            case TIMELINE -> new Request(TIMELINE, "/api/v1/videos/" + v.id() + "/timeline", key);
            default -> {
                List<String> tenantCourses = courses.get(v.tenant());
                String course = tenantCourses.get(random.nextInt(tenantCourses.size()));
                String confidence = MIN_CONFIDENCE[random.nextInt(MIN_CONFIDENCE.length)];
                yield new Request(SEARCH, "/api/v1/events?type=" + types.get(random.nextInt(types.size()))
                        + "&course=" + course + (confidence == null ? "" : "&minConfidence=" + confidence)
                        + "&limit=100", key);
            }
        };
    }

    /** The request for the page after {@code first}, given the nextCursor of its answer. */
    static Request nextPage(Request first, String cursor) {
        return new Request(SEARCH_NEXT, first.path() + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8),
                first.apiKey());
    }
}
