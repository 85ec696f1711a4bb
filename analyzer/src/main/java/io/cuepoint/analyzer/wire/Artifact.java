package io.cuepoint.analyzer.wire;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A binary by-product of analysing one segment that the api stores next to the events: a slide's
 * keyframe image, a segment's motion grid. Travels inside {@link SegmentEvents}; a replayed segment
 * replaces the artifacts it sent before.
 *
 * @param kind        what it is, such as {@code keyframe} or {@code motion-grid}
 * @param name        unique per video and kind, deterministic (a replay yields the same name), made of
 *                    letters, digits, {@code -} and {@code _}; for example {@code f1234} for the frame a
 *                    keyframe shows
 * @param contentType media type of {@code data}
 * @param frame       the frame it belongs to (a keyframe's frame; a grid's first sample)
 * @param startMs     media time span it covers (equal for a single frame)
 * @param endMs       exclusive end of that span
 * @param attributes  small descriptive values (numbers, strings, booleans, lists of them)
 * @param data        the bytes (base64 in JSON)
 */
public record Artifact(String kind, String name, String contentType, long frame, long startMs, long endMs,
                       Map<String, Object> attributes, byte[] data) {
    public static final String KEYFRAME = "keyframe";
    public static final String MOTION_GRID = "motion-grid";

    public Artifact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contentType, "contentType");
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,100}")) {
            throw new IllegalArgumentException("artifact name must be 1 to 100 letters, digits, - or _: " + name);
        }
        attributes = attributes == null ? Map.of() : attributes;
        data = data == null ? new byte[0] : data;
    }

    // Records compare arrays by reference; an artifact is its bytes.
    @Override
    public boolean equals(Object o) {
        return o instanceof Artifact a && kind.equals(a.kind) && name.equals(a.name)
                && contentType.equals(a.contentType) && frame == a.frame && startMs == a.startMs
                && endMs == a.endMs && attributes.equals(a.attributes) && Arrays.equals(data, a.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, name, contentType, frame, startMs, endMs, attributes) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Artifact[" + kind + "/" + name + ", " + contentType + ", frame " + frame + ", " + data.length
                + " bytes]";
    }
}
