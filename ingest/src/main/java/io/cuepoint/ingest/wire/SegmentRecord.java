package io.cuepoint.ingest.wire;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A record of the frames topic ({@link Topics#FRAMES}). All records of one segment share the key
 * {@code videoId/segmentIndex} and so arrive in order on one partition: the lead-in frame, the
 * segment's frames and audio, then one {@link SegmentEnd}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FrameRecord.class, name = "frame"),
        @JsonSubTypes.Type(value = AudioRecord.class, name = "audio"),
        @JsonSubTypes.Type(value = SegmentEnd.class, name = "segment-end")
})
public sealed interface SegmentRecord permits FrameRecord, AudioRecord, SegmentEnd {
    int SCHEMA = 1;

    int schema();

    String videoId();

    int segment();

    default String key() {
        return Topics.segmentKey(videoId(), segment());
    }
}
