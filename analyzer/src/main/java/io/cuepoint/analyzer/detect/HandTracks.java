package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.Keypoint;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hand positions of one segment, read from other detectors' events: the {@link PrincipalPerson principal
 * person's} wrists ({@code person.pose}), or the tracks of a hand detector ({@code hand.detected}) where no wrist
 * was seen. Degrades rather than gives up: a wrist whose score mostly stays under the threshold is read down to
 * half of it (MoveNet Lightning on a small person), and a person seen on one sample is still a hand seen.
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
     * @param hands    per hand name ({@code left}, {@code right}, or a hand track id) its samples
     * @param source   {@code pose} or {@code hands}
     * @param sides    hand name per side: the same for wrists, for hand tracks the two longest ones by where
     *                 they are in the picture (image left is {@code left}: procedure recordings are filmed
     *                 from the operator's side or above)
     * @param lowScore the hands read from wrists below the configured score, to be measured with more smoothing
     */
    record Found(Map<String, List<HandSample>> hands, String source, Map<String, String> sides, Set<String> lowScore) {
    }

    /**
     * The principal person's wrists when at least two samples of one of them reach the configured score; else
     * the hand tracks when there are any; else the principal person's wrists down to half the configured score.
     */
    static Found of(Segment segment, List<Event> upstream, SkillsConfig config) {
        var frames = new HashMap<Long, FrameRecord>();
        segment.framesWithLeadIn().forEach(f -> frames.put(f.frame(), f));
        var person = PrincipalPerson.of(upstream, config.maxGapMs());
        var sure = wrists(person, frames, config.wristMinScore());
        var unsure = wrists(person, frames, config.wristMinScore() / 2);
        if (sure.values().stream().anyMatch(s -> s.size() >= 2)) {
            return pose(sure, unsure);
        }
        var tracks = handTracks(upstream, frames);
        if (tracks.isEmpty()) {
            return pose(sure, unsure);
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
        return new Found(tracks, "hands", sides, Set.of());
    }

    /**
     * Per side the wrists at the configured score, or those down to half of it where fewer than half of the
     * latter reach it: a coarse track beats none (MoveNet Lightning scores a wrist it places well at 0.2 to 0.3).
     */
    private static Found pose(Map<String, List<HandSample>> sure, Map<String, List<HandSample>> unsure) {
        var hands = new LinkedHashMap<String, List<HandSample>>();
        var low = new HashSet<String>();
        for (var side : List.of(LEFT, RIGHT)) {
            boolean coarse = 2 * sure.get(side).size() < unsure.get(side).size();
            hands.put(side, coarse ? unsure.get(side) : sure.get(side));
            if (coarse) {
                low.add(side);
            }
        }
        return new Found(hands, "pose", Map.of(LEFT, LEFT, RIGHT, RIGHT), Set.copyOf(low));
    }

    private static Map<String, List<HandSample>> handTracks(List<Event> upstream, Map<Long, FrameRecord> frames) {
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
        return tracks;
    }

    /** The person's wrists that reach {@code minScore}, per side (the person's own). */
    private static Map<String, List<HandSample>> wrists(List<Event> person, Map<Long, FrameRecord> frames,
                                                        double minScore) {
        var hands = new LinkedHashMap<String, List<HandSample>>();
        hands.put(LEFT, new ArrayList<>());
        hands.put(RIGHT, new ArrayList<>());
        for (var pose : person) {
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

    private static double meanX(List<HandSample> samples) {
        return samples.stream().mapToDouble(HandSample::x).average().orElse(0);
    }
}
