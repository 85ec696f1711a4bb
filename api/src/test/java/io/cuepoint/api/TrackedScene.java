package io.cuepoint.api;

import io.cuepoint.analyzer.wire.Box;
import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.EventIds;
import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.analyzer.wire.Keypoint;
import io.cuepoint.analyzer.wire.Producer;
import io.cuepoint.analyzer.wire.SegmentEvents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the analyzer's spatial detectors put on the wire for a synthetic scene, built from its wire records:
 * segment-local tracks ({@code person-s1-2}), per-sample instants with boxes, lead-in instants
 * ({@code "leadIn": true}) and presence intervals flagged as fragments where they touch a segment boundary.
 *
 * <p>25 fps (40 ms a frame), segments of 750 frames (30 s), one analysed sample every 50 frames ending on each
 * segment's last frame, so segment s's lead-in frame (750 s - 1) is a sample of segment s - 1 as well.
 */
public final class TrackedScene {
    public static final int FRAMES = 750;
    public static final int SAMPLE_EVERY = 50;
    /** The lead-in analyzer's box differs a little from the previous analyzer's: matching is by overlap. */
    public static final double LEAD_IN_JITTER = 0.004;

    /** Where something is at a frame. */
    @FunctionalInterface
    public interface Path {
        Box at(long frame);
    }

    private final String videoId;
    private final int segments;
    private final Map<Integer, List<Event>> events = new TreeMap<>();

    public TrackedScene(String videoId, int segments) {
        this.videoId = videoId;
        this.segments = segments;
        for (int s = 0; s < segments; s++) {
            events.put(s, new ArrayList<>());
        }
    }

    public static long ms(long frame) {
        return frame * 40;
    }

    public static long firstSample(int segment) {
        return (long) segment * FRAMES + SAMPLE_EVERY - 1;
    }

    public static long lastFrame(int segment) {
        return (long) segment * FRAMES + FRAMES - 1;
    }

    /** A box of the given width and height whose left edge moves linearly from {@code x0} at frame 0. */
    public static Path moving(double x0, double perFrame, double width, double top, double bottom) {
        return f -> new Box(x0 + perFrame * f, top, x0 + perFrame * f + width, bottom);
    }

    /**
     * A person, face or object (by the prefix of {@code track}) that segment {@code segment} sees under the local
     * id {@code track} at every sample in [from, to]; when {@code from} reaches back to the previous segment's
     * last frame, the segment's analyzer saw it in its lead-in as well.
     */
    public TrackedScene seen(int segment, String track, long from, long to, Path path) {
        return seen(segment, track, from, to, path, Map.of());
    }

    /** As {@link #seen(int, String, long, long, Path)}, with attributes every instant and interval carries. */
    public TrackedScene seen(int segment, String track, long from, long to, Path path, Map<String, Object> extra) {
        String kind = track.substring(0, track.indexOf('-'));
        String instantType = switch (kind) {
            case "person" -> "person.pose";
            case "face" -> "face.detected";
            default -> "object.detected";
        };
        List<Event> out = events.get(segment);
        if (segment > 0 && from <= lastFrame(segment - 1)) {
            long f = lastFrame(segment - 1);
            Box b = path.at(f);
            var attributes = new LinkedHashMap<>(instantAttributes(kind, extra));
            attributes.put("leadIn", true);
            out.add(instant(kind, instantType, track, f, new Box(b.left() + LEAD_IN_JITTER, b.top(),
                    b.right() + LEAD_IN_JITTER, b.bottom()), attributes));
        }
        var samples = new ArrayList<Long>();
        for (long f = firstSample(segment); f <= lastFrame(segment); f += SAMPLE_EVERY) {
            if (f >= from && f <= to) {
                samples.add(f);
            }
        }
        double scores = 0;
        for (long f : samples) {
            Event e = instant(kind, instantType, track, f, path.at(f), instantAttributes(kind, extra));
            out.add(e);
            scores += e.confidence();
        }
        var attributes = new LinkedHashMap<String, Object>(extra);
        attributes.put("sampleCount", samples.size());
        if (kind.equals("face")) {
            attributes.put("facingShare", 1.0);
        } else {
            attributes.put("meanScore", scores / samples.size());
        }
        long first = samples.get(0);
        long last = samples.get(samples.size() - 1);
        out.add(interval(kind, kind + ".present", track, segment, first, last, scores / samples.size(),
                path.at(first), attributes));
        return this;
    }

    /** A face's dominant expression over the samples in [from, to] of one segment. */
    public TrackedScene expression(int segment, String track, long from, long to, String expression, double score) {
        long first = Math.max(from, firstSample(segment));
        long last = Math.min(to, lastFrame(segment));
        events.get(segment).add(interval("face", "face.expression", track, segment, first, last, score, null,
                Map.of("expression", expression, "score", score)));
        return this;
    }

    /**
     * Three segments of a classroom: person A walks right through all three; person B walks left, crosses A at
     * the boundary of segments 0 and 1 (overlapping boxes, and segment 1 numbers B before A) and leaves before
     * the end of segment 1; A's face smiles at the end of segment 0, is neutral early in segment 1 and smiles
     * again from late segment 1 into segment 2; a laptop stays on the desk throughout.
     */
    public static TrackedScene classroom(String videoId) {
        Path a = moving(0.30 - 0.0002 * 749, 0.0002, 0.2, 0.1, 0.9);
        Path b = moving(0.36 + 0.0002 * 749, -0.0002, 0.2, 0.1, 0.9);
        Path face = f -> new Box(a.at(f).left() + 0.06, 0.12, a.at(f).left() + 0.14, 0.24);
        Path laptop = f -> new Box(0.70, 0.60, 0.85, 0.75);
        Map<String, Object> laptopLabel = Map.of("label", "laptop");
        return new TrackedScene(videoId, 3)
                .seen(0, "person-s0-1", 0, lastFrame(0), a)
                .seen(0, "person-s0-2", 0, lastFrame(0), b)
                .seen(0, "face-s0-1", 0, lastFrame(0), face)
                .seen(0, "object-s0-1", 0, lastFrame(0), laptop, laptopLabel)
                .expression(0, "face-s0-1", 499, lastFrame(0), "happy", 0.7)
                .seen(1, "person-s1-1", lastFrame(0), 1449, b)
                .seen(1, "person-s1-2", lastFrame(0), lastFrame(1), a)
                .seen(1, "face-s1-1", lastFrame(0), lastFrame(1), face)
                .seen(1, "object-s1-1", lastFrame(0), lastFrame(1), laptop, laptopLabel)
                .expression(1, "face-s1-1", 0, 1199, "neutral", 0.6)
                .expression(1, "face-s1-1", 1249, lastFrame(1), "happy", 0.8)
                .seen(2, "person-s2-1", lastFrame(1), lastFrame(2), a)
                .seen(2, "face-s2-1", lastFrame(1), lastFrame(2), face)
                .seen(2, "object-s2-1", lastFrame(1), lastFrame(2), laptop, laptopLabel)
                .expression(2, "face-s2-1", 0, 1799, "happy", 0.9);
    }

    public SegmentEvents segment(int segment) {
        return new SegmentEvents(SegmentEvents.SCHEMA, videoId, segment, "1.0.0", FRAMES, events.get(segment), List.of(), null,
                Records.T0.plusSeconds(60 + segment));
    }

    public List<SegmentEvents> segments() {
        return events.keySet().stream().map(this::segment).toList();
    }

    private static Map<String, Object> instantAttributes(String kind, Map<String, Object> extra) {
        var attributes = new LinkedHashMap<>(extra);
        if (kind.equals("face")) {
            attributes.put("facingCamera", true);
            attributes.put("yawDeg", 4.5);
        }
        return attributes;
    }

    private Event instant(String kind, String type, String track, long frame, Box box, Map<String, Object> attributes) {
        double confidence = 0.6 + 0.1 * ((frame / SAMPLE_EVERY) % 4);
        List<Keypoint> keypoints = kind.equals("object") ? null : List.of(
                new Keypoint(kind.equals("face") ? "right_eye" : "nose", (box.left() + box.right()) / 2,
                        box.top() + 0.05, confidence),
                new Keypoint(kind.equals("face") ? "left_eye" : "left_wrist", box.left() + 0.01,
                        (box.top() + box.bottom()) / 2, confidence - 0.1));
        return new Event(Event.SCHEMA, EventIds.of(videoId, detector(kind), type, frame, track), videoId, type,
                ms(frame), ms(frame), frame, frame, confidence, track, box, keypoints, Map.copyOf(attributes),
                producer(kind), null);
    }

    private Event interval(String kind, String type, String track, int segment, long first, long last,
                           double confidence, Box box, Map<String, Object> attributes) {
        boolean openStart = segment > 0 && first == firstSample(segment);
        boolean openEnd = segment < segments - 1 && last == lastFrame(segment);
        return new Event(Event.SCHEMA, EventIds.of(videoId, detector(kind), type, first, track), videoId, type,
                ms(first), ms(last), first, last, confidence, track, box, null, Map.copyOf(attributes),
                producer(kind), openStart || openEnd ? new Fragment(segment, openStart, openEnd) : null);
    }

    private static String detector(String kind) {
        return switch (kind) {
            case "person" -> "pose";
            case "face" -> "faces";
            default -> "objects";
        };
    }

    private static Producer producer(String kind) {
        return new Producer("1.0.0", detector(kind), detector(kind) + "-model@sha256:0123abcd");
    }
}
