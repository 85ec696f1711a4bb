package io.cuepoint.analyzer.wire;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * All events an analyzer found in one segment, published as one record on {@code cuepoint.events.v1}
 * (key = video id). One record per segment makes a segment's result atomic for the materializer and
 * orders it with the other segments of the video: once a reader has applied it, the segment is done.
 *
 * @param schema   record schema version, {@link #SCHEMA}
 * @param videoId  the video
 * @param segment  the segment
 * @param analyzer analyzer version
 * @param frames   frames analysed, not counting the lead-in
 * @param events   the events, possibly none
 * @param artifacts binary by-products (keyframes, motion grids), possibly none; absent in records
 *                 written before they existed
 * @param error    null when every detector ran; otherwise which detector failed and why (the events of
 *                 the other detectors are still present)
 * @param at       when the analyzer finished the segment
 */
public record SegmentEvents(int schema, String videoId, int segment, String analyzer, int frames,
                            List<Event> events, List<Artifact> artifacts, String error, Instant at) {
    public static final int SCHEMA = 1;

    public SegmentEvents {
        Objects.requireNonNull(videoId, "videoId");
        events = events == null ? List.of() : List.copyOf(events);
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }
}
