package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.EventIds;
import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.analyzer.wire.Producer;
import java.util.Map;

/**
 * What a detector needs besides the segment: the analyzer version for the producer, and one place
 * that builds events so every detector stamps ids, schema and producer the same way.
 *
 * @param analyzerVersion version written into each event's producer
 */
public record DetectionContext(String analyzerVersion) {

    /**
     * An event of {@code detector} with its deterministic id. Instants pass equal start and end.
     */
    public Event event(Segment segment, String detector, String type, long startMs, long endMs, long startFrame,
                       long endFrame, double confidence, Map<String, Object> attributes, Fragment fragment) {
        var id = EventIds.of(segment.videoId(), detector, type, startFrame, null);
        return new Event(Event.SCHEMA, id, segment.videoId(), type, startMs, endMs, startFrame, endFrame,
                clamp(confidence), null, null, null, Map.copyOf(attributes),
                new Producer(analyzerVersion, detector, null), fragment);
    }

    /**
     * A builder for an event of a model-based detector, typically about a tracked thing; its id is
     * {@code EventIds.of(video, detector, type, startFrame, track)}.
     */
    public EventBuilder builder(Segment segment, String detector, String type) {
        return new EventBuilder(segment, detector, type, analyzerVersion);
    }

    private static double clamp(double confidence) {
        return Math.max(0, Math.min(1, confidence));
    }
}
