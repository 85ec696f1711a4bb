package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.EventIds;
import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.analyzer.wire.Producer;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-skill metrics of procedure recordings from the hands' paths: how far and how fast each hand moves, how
 * much of the time it rests, and in how many separate movements.
 *
 * <p>The hands are the wrists of the segment's {@link PrincipalPerson principal person} (the {@code pose} track
 * with the largest mean box area times number of samples, followed across breaks of the pose tracker; the
 * person's own left and right), or, when no wrist was seen and the {@code hands} detector ran, the centres of
 * its hand tracks. {@link HandPath} measures each hand. Emits per
 * hand {@code hand.active} (one per movement) and {@code hand.idle} intervals, attributes {@code hand},
 * {@code pathLength} (diagonals), {@code meanSpeed} and {@code peakSpeed} (diagonals per second), which tile
 * the time the hand was tracked; one that reaches the segment's first sample (the lead-in when it was sampled)
 * or last sample is a fragment. Per segment one {@code skills.segment} interval over the segment's span with
 * a map per side ({@code left}, {@code right}: pathLength, meanSpeed, peakSpeed, idleShare, movementCount,
 * trackedMs), {@code balance} (the smaller path length over the larger, 1 = equal, when both sides were
 * tracked) and {@code source} ({@code pose} or {@code hands}); a side seen on one sample only has trackedMs 0,
 * and the interval is missing only when no hand was seen at all. {@link HandTracks} says which wrists count
 * (a weak wrist is measured with {@link SkillsConfig#coarse() more smoothing} rather than dropped).
 */
public final class SkillsDetector implements DerivedDetector {
    public static final String NAME = "skills";
    public static final String ACTIVE = "hand.active";
    public static final String IDLE = "hand.idle";
    public static final String SEGMENT = "skills.segment";

    private final SkillsConfig config;

    public SkillsDetector(SkillsConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> inputs() {
        return List.of(PoseDetector.NAME);
    }

    @Override
    public DetectorOutput derive(Segment segment, List<Event> upstream, DetectionContext ctx) {
        var sampled = segment.framesWithLeadIn().stream().filter(FrameRecord::sampled).toList();
        var found = HandTracks.of(segment, upstream, config);
        var events = new ArrayList<Event>();
        var measures = new LinkedHashMap<String, HandPath.Measure>();
        for (var hand : found.hands().entrySet()) {
            if (hand.getValue().isEmpty()) {
                continue;
            }
            var measure = HandPath.measure(hand.getValue(),
                    found.lowScore().contains(hand.getKey()) ? config.coarse() : config);
            measures.put(hand.getKey(), measure);
            // A hand track that stands for a side is named by it: track ids are local to the segment, a side is not,
            // so its intervals merge across boundaries like a wrist's.
            String name = found.sides().entrySet().stream().filter(side -> side.getValue().equals(hand.getKey()))
                    .map(Map.Entry::getKey).findFirst().orElse(hand.getKey());
            for (var run : measure.runs()) {
                events.add(interval(segment, ctx, name, run, sampled));
            }
        }
        var summary = summary(segment, ctx, found, measures);
        if (summary != null) {
            events.add(summary);
        }
        return new DetectorOutput(events, List.of());
    }

    private Event interval(Segment segment, DetectionContext ctx, String hand, HandPath.Run run,
                           List<FrameRecord> sampled) {
        String type = run.active() ? ACTIVE : IDLE;
        boolean openStart = segment.hasPrevious() && run.first().frame() == sampled.get(0).frame();
        boolean openEnd = segment.hasNext() && run.last().frame() == sampled.get(sampled.size() - 1).frame();
        var attributes = new LinkedHashMap<String, Object>();
        attributes.put("hand", hand);
        attributes.put("pathLength", EventBuilder.round(run.pathLength()));
        attributes.put("meanSpeed", EventBuilder.round(run.meanSpeed()));
        attributes.put("peakSpeed", EventBuilder.round(run.peakSpeed()));
        // Two hands may change state on the same frame: the hand is part of the id, as a track would be.
        var id = EventIds.of(segment.videoId(), NAME, type, run.first().frame(), "hand:" + hand);
        return new Event(Event.SCHEMA, id, segment.videoId(), type, run.first().ms(), run.last().ms(),
                run.first().frame(), Math.max(run.first().frame(), run.last().frame() - 1), confidence(run), null,
                null, null, Map.copyOf(attributes), new Producer(ctx.analyzerVersion(), NAME, null),
                openStart || openEnd ? new Fragment(segment.index(), openStart, openEnd) : null);
    }

    private Event summary(Segment segment, DetectionContext ctx, HandTracks.Found found,
                          Map<String, HandPath.Measure> measures) {
        var attributes = new LinkedHashMap<String, Object>();
        var paths = new ArrayList<Double>();
        for (var side : found.sides().entrySet()) {
            var measure = measures.get(side.getValue());
            if (measure == null) {
                continue;
            }
            // A hand seen once (or only in dropouts) still shows that the person was there: trackedMs 0.
            attributes.put(side.getKey(), sideMap(measure));
            if (measure.trackedMs() > 0) {
                paths.add(measure.pathLength());
            }
        }
        if (attributes.isEmpty() || segment.frames().isEmpty()) {
            return null;
        }
        if (paths.size() == 2) {
            double max = Math.max(paths.get(0), paths.get(1));
            attributes.put("balance", max == 0 ? 1.0 : EventBuilder.round(Math.min(paths.get(0), paths.get(1)) / max));
        }
        attributes.put("source", found.source());
        var frames = segment.frames();
        return ctx.event(segment, NAME, SEGMENT, segment.end().startMs(), segment.end().endMs(),
                frames.get(0).frame(), frames.get(frames.size() - 1).frame(), 1, attributes, null);
    }

    private static Map<String, Object> sideMap(HandPath.Measure m) {
        var map = new LinkedHashMap<String, Object>();
        map.put("pathLength", EventBuilder.round(m.pathLength()));
        map.put("meanSpeed", EventBuilder.round(m.meanSpeed()));
        map.put("peakSpeed", EventBuilder.round(m.peakSpeed()));
        map.put("idleShare", EventBuilder.round(m.idleShare()));
        map.put("movementCount", m.movementCount());
        map.put("trackedMs", m.trackedMs());
        return map;
    }

    /** How clearly the run sits on its side of the thresholds: 0.5 at the on-threshold, 1 far from it. */
    private double confidence(HandPath.Run run) {
        double on = config.activeOn();
        return run.active() ? Math.min(1, run.peakSpeed() / (2 * on)) : Math.max(0, 1 - run.peakSpeed() / (2 * on));
    }
}
