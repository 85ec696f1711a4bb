package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.EventIds;
import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.analyzer.wire.Producer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the presenter detector's events. They carry the presenter's person track in the event's
 * {@code track}, so that the api serves them under the canonical track it joins across segments, and their
 * fragments merge like those of {@code person.present}. The id's key may add a discriminator (the hand), so
 * that two events of one type starting on the same frame still get different ids.
 */
final class PresenterEvents {
    private final Segment segment;
    private final DetectionContext ctx;

    PresenterEvents(Segment segment, DetectionContext ctx) {
        this.segment = segment;
        this.ctx = ctx;
    }

    /**
     * @param track        the person track, or null for events about no one person
     * @param discriminator added to the id's key, or null
     * @param attributes   values are rounded to 4 decimals when they are doubles
     */
    Event interval(String type, SampleRuns.Run run, String track, String discriminator, double confidence,
                   Map<String, Object> attributes) {
        var fragment = run.openStart() || run.openEnd()
                ? new Fragment(segment.index(), run.openStart(), run.openEnd()) : null;
        return event(type, run.startMs(), run.endMs(), run.startFrame(), run.endFrame(), track, discriminator,
                confidence, attributes, fragment);
    }

    Event instant(String type, io.cuepoint.ingest.wire.FrameRecord frame, String track, double confidence,
                  Map<String, Object> attributes) {
        return event(type, frame.ptsMs(), frame.ptsMs(), frame.frame(), frame.frame(), track, null, confidence,
                attributes, null);
    }

    private Event event(String type, long startMs, long endMs, long startFrame, long endFrame, String track,
                        String discriminator, double confidence, Map<String, Object> attributes, Fragment fragment) {
        String key = discriminator == null ? track : track + "#" + discriminator;
        var values = new LinkedHashMap<String, Object>();
        attributes.forEach((name, value) -> values.put(name, value instanceof Double d ? EventBuilder.round(d) : value));
        return new Event(Event.SCHEMA, EventIds.of(segment.videoId(), PresenterDetector.NAME, type, startFrame, key),
                segment.videoId(), type, startMs, endMs, startFrame, endFrame,
                EventBuilder.round(Math.max(0, Math.min(1, confidence))), track, null, null, Map.copyOf(values),
                new Producer(ctx.analyzerVersion(), PresenterDetector.NAME, null), fragment);
    }
}
