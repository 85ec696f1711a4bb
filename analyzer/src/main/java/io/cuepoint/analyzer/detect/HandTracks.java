package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Box;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.Keypoint;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand positions of one segment, read from other detectors' events: the principal person's wrists
 * ({@code person.pose}), or the tracks of a hand detector ({@code hand.detected}) where no wrist was seen.
 */
final class HandTracks {
    static final String HAND_DETECTED = "hand.detected";
    static final String LEFT = "left";
    static final String RIGHT = "right";

    private HandTracks() {
    }

    /**
     * The hands and where they were, in time order.
     *
     * @param hands  per hand name ({@code left}, {@code right}, or a hand track id) its samples
     * @param source {@code pose} or {@code hands}
     * @param sides  hand name per side: the same for wrists, for hand tracks the two longest ones by where
     *               they are in the picture (image left is {@code left}: procedure recordings are filmed
     *               from the operator's side or above)
     */
    record Found(Map<String, List<HandSample>> hands, String source, Map<String, String> sides) {
    }

    static Found of(Segment segment, List<Event> upstream, double wristMinScore) {
        var frames = new HashMap<Long, FrameRecord>();
        segment.framesWithLeadIn().forEach(f -> frames.put(f.frame(), f));
        var wrists = wrists(upstream, frames, wristMinScore);
        if (wrists.values().stream().anyMatch(s -> s.size() >= 2)) {
            return new Found(wrists, "pose", Map.of(LEFT, LEFT, RIGHT, RIGHT));
        }
        var tracks = new LinkedHashMap<String, List<HandSample>>();
        upstream.stream().filter(e -> e.type().equals(HAND_DETECTED) && e.track() != null && e.box() != null)
                .sorted(Comparator.comparingLong(Event::startFrame))
                .forEach(e -> {
                    var sample = sample(e, frames, (e.box().left() + e.box().right()) / 2,
                            (e.box().top() + e.box().bottom()) / 2);
                    if (sample != null) {
                        tracks.computeIfAbsent(e.track(), t -> new ArrayList<>()).add(sample);
                    }
                });
        tracks.values().removeIf(s -> s.size() < 2);
        if (tracks.isEmpty()) {
            return new Found(wrists, "pose", Map.of(LEFT, LEFT, RIGHT, RIGHT));
        }
        var longest = tracks.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<HandSample>> e) -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .limit(2).sorted(Comparator.comparingDouble(e -> meanX(e.getValue()))).toList();
        var sides = new LinkedHashMap<String, String>();
        sides.put(LEFT, longest.get(0).getKey());
        if (longest.size() > 1) {
            sides.put(RIGHT, longest.get(1).getKey());
        }
        return new Found(tracks, "hands", sides);
    }

    /** The principal person's wrists: the person track with the largest mean box area times share of samples. */
    private static Map<String, List<HandSample>> wrists(List<Event> upstream, Map<Long, FrameRecord> frames,
                                                        double minScore) {
        var byTrack = new LinkedHashMap<String, List<Event>>();
        upstream.stream().filter(e -> e.type().equals(PoseDetector.POSE) && e.track() != null && e.keypoints() != null)
                .sorted(Comparator.comparingLong(Event::startFrame))
                .forEach(e -> byTrack.computeIfAbsent(e.track(), t -> new ArrayList<>()).add(e));
        String principal = null;
        double best = -1;
        for (var entry : byTrack.entrySet()) {
            // The share of samples seen is proportional to the count; the common denominator does not change the pick.
            double area = entry.getValue().stream().map(Event::box).mapToDouble(b -> b == null ? 0 : area(b))
                    .average().orElse(0);
            double prominence = area * entry.getValue().size();
            if (prominence > best) {
                best = prominence;
                principal = entry.getKey();
            }
        }
        var hands = new LinkedHashMap<String, List<HandSample>>();
        hands.put(LEFT, new ArrayList<>());
        hands.put(RIGHT, new ArrayList<>());
        if (principal == null) {
            return hands;
        }
        for (var pose : byTrack.get(principal)) {
            for (var side : List.of(LEFT, RIGHT)) {
                Keypoint wrist = pose.keypoints().stream().filter(k -> k.name().equals(side + "_wrist")).findFirst()
                        .orElse(null);
                if (wrist != null && wrist.score() >= minScore) {
                    var sample = sample(pose, frames, wrist.x(), wrist.y());
                    if (sample != null) {
                        hands.get(side).add(sample);
                    }
                }
            }
        }
        return hands;
    }

    private static HandSample sample(Event e, Map<Long, FrameRecord> frames, double x, double y) {
        var frame = frames.get(e.startFrame());
        if (frame == null || frame.analysisWidth() <= 0 || frame.analysisHeight() <= 0) {
            return null;
        }
        return HandSample.normalized(e.startMs(), e.startFrame(), x, y, frame.analysisWidth(), frame.analysisHeight());
    }

    private static double area(Box b) {
        return b.area();
    }

    private static double meanX(List<HandSample> samples) {
        return samples.stream().mapToDouble(HandSample::x).average().orElse(0);
    }
}
