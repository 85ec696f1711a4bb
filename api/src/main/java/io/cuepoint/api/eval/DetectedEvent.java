package io.cuepoint.api.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cuepoint.api.ApiException;
import io.cuepoint.api.timeline.EventResource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a detector reported, reduced to what scoring needs: Cuepoint's events (from a timeline) or a peer's
 * detections. An instant has {@code startFrame == endFrame} and {@code startMs == endMs}.
 *
 * @param endFrame   last frame inside (inclusive)
 * @param endMs      exclusive end
 * @param attributes e.g. {@code kind} of a transition, {@code direction} of a camera movement; never null
 */
public record DetectedEvent(String type, long startFrame, long endFrame, long startMs, long endMs,
                            Map<String, Object> attributes) {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public DetectedEvent {
        attributes = attributes == null ? Map.of() : attributes;
    }

    public static DetectedEvent instant(String type, long frame, long ms) {
        return new DetectedEvent(type, frame, frame, ms, ms, Map.of());
    }

    public static DetectedEvent of(EventResource e) {
        return new DetectedEvent(e.type(), e.startFrame(), e.endFrame(), e.startMs(), e.endMs(), e.attributes());
    }

    /** A string attribute ({@code kind}, {@code direction}), or null. */
    public String attribute(String name) {
        Object value = attributes.get(name);
        return value == null ? null : value.toString();
    }

    /** The events of a timeline JSON as {@code cuepoint analyze} writes it (its {@code events} array). */
    public static List<DetectedEvent> readTimeline(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw ApiException.badRequest("cannot read timeline " + file + ": " + e.getMessage());
        }
        JsonNode events = root == null ? null : root.get("events");
        if (events == null || !events.isArray()) {
            throw ApiException.badRequest("timeline " + file + " has no events array; write one with "
                    + "cuepoint analyze FILE --out TIMELINE.json");
        }
        var result = new ArrayList<DetectedEvent>();
        for (JsonNode e : events) {
            @SuppressWarnings("unchecked")
            Map<String, Object> attributes = e.hasNonNull("attributes")
                    ? JSON.convertValue(e.get("attributes"), Map.class) : Map.of();
            result.add(new DetectedEvent(e.path("type").asText(), e.path("startFrame").asLong(),
                    e.path("endFrame").asLong(), e.path("startMs").asLong(), e.path("endMs").asLong(), attributes));
        }
        return result;
    }
}
