package io.cuepoint.api.skills;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.api.ApiException;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.EventQuery;
import io.cuepoint.api.store.EventRepository;
import io.cuepoint.api.store.VideoRepository;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-skill metrics of a video from the stored {@code skills.segment} and {@code hand.active} events. Per hand:
 * path lengths and tracked times add up over the segments, the mean speed is the total path over the total tracked
 * time, the peak the highest segment peak, the idle share weighted by tracked time, and the movements are the
 * hand.active intervals as served (fragments merged, so a movement across a segment boundary counts once).
 * Blocking: call it off the event loop.
 */
@Singleton
public final class SkillsService {
    static final String SEGMENT = "skills.segment";
    static final String ACTIVE = "hand.active";
    private static final List<String> SIDES = List.of("left", "right");

    private final Database db;
    private final VideoRepository videos;
    private final EventRepository events;

    public SkillsService(Database db, VideoRepository videos, EventRepository events) {
        this.db = db;
        this.videos = videos;
        this.events = events;
    }

    /** @throws ApiException 404 when there is no such video */
    public SkillsReport skills(String videoId) {
        return db.read("reading hand skills", c -> {
            if (videos.find(c, videoId).isEmpty()) {
                throw ApiException.notFound("no video " + videoId);
            }
            var stored = events.query(c, new EventQuery(videoId, List.of(SEGMENT, ACTIVE), null, null, null, null,
                    null, null, Integer.MAX_VALUE));
            return report(videoId, stored);
        });
    }

    static SkillsReport report(String videoId, List<Event> stored) {
        var summaries = stored.stream().filter(e -> e.type().equals(SEGMENT))
                .sorted(Comparator.comparingLong(Event::startMs)).toList();
        var segments = new ArrayList<SkillsReport.SegmentSkills>();
        var totals = new LinkedHashMap<String, Total>();
        for (var s : summaries) {
            var hands = new LinkedHashMap<String, HandSkills>();
            for (var side : SIDES) {
                if (s.attributes().get(side) instanceof Map<?, ?> m) {
                    var hand = hand(m);
                    hands.put(side, hand);
                    totals.computeIfAbsent(side, k -> new Total()).add(hand);
                }
            }
            var balance = s.attributes().get("balance") instanceof Number n ? n.doubleValue() : null;
            segments.add(new SkillsReport.SegmentSkills(s.startMs(), s.endMs(), String.valueOf(s.attributes()
                    .getOrDefault("source", "pose")), hands, balance));
        }
        var hands = new LinkedHashMap<String, HandSkills>();
        totals.forEach((side, total) -> hands.put(side, total.skills(sideMovements(stored, side))));
        Double balance = null;
        if (hands.size() == 2) {
            double l = hands.get("left").pathLength();
            double r = hands.get("right").pathLength();
            balance = Math.max(l, r) == 0 ? 1.0 : round(Math.min(l, r) / Math.max(l, r));
        }
        return new SkillsReport(videoId, hands, balance, segments);
    }

    /** The served (merged) hand.active intervals of one side (a wrist, or the hand track that stood for it). */
    private static int sideMovements(List<Event> stored, String side) {
        return (int) stored.stream().filter(e -> e.type().equals(ACTIVE) && side.equals(e.attributes().get("hand")))
                .count();
    }

    private static HandSkills hand(Map<?, ?> m) {
        return new HandSkills(number(m, "pathLength"), number(m, "meanSpeed"), number(m, "peakSpeed"),
                number(m, "idleShare"), (int) number(m, "movementCount"), (long) number(m, "trackedMs"));
    }

    private static double number(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : 0;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** One side's sums over the segments. */
    private static final class Total {
        private double path;
        private double peak;
        private double idleMs;
        private long trackedMs;

        void add(HandSkills h) {
            path += h.pathLength();
            peak = Math.max(peak, h.peakSpeed());
            idleMs += h.idleShare() * h.trackedMs();
            trackedMs += h.trackedMs();
        }

        HandSkills skills(int movements) {
            return new HandSkills(round(path), trackedMs == 0 ? 0 : round(path * 1000 / trackedMs), round(peak),
                    trackedMs == 0 ? 1 : round(idleMs / trackedMs), movements, trackedMs);
        }
    }
}
