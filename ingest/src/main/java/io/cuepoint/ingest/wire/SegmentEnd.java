package io.cuepoint.ingest.wire;

/**
 * Closes a segment. An analyzer runs its detectors when this arrives, then commits.
 *
 * @param schema        record schema version, {@link SegmentRecord#SCHEMA}
 * @param videoId       the video
 * @param segment       the segment
 * @param startMs       media time where the segment begins (segment index times segment length)
 * @param endMs         media time where the segment ends: the next segment's start, or the end of the
 *                      video for the last one
 * @param frameCount    number of frame records of this segment, not counting the lead-in
 * @param sampledCount  number of those frames that carry an analysis image
 * @param last          true for the video's last segment
 */
public record SegmentEnd(int schema, String videoId, int segment, long startMs, long endMs, int frameCount,
                         int sampledCount, boolean last) implements SegmentRecord {
}
