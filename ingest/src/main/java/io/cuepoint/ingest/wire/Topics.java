package io.cuepoint.ingest.wire;

/**
 * Kafka topic names of the pipeline. The version is part of the name: a change to a record that old
 * readers cannot parse gets a new topic, never an in-place change.
 */
public final class Topics {
    /** Job requests, keyed by video id. Written by the api, read by ingest workers. */
    public static final String JOBS = "cuepoint.jobs.v1";
    /** Frame, audio and end-of-segment records, keyed {@code videoId/segmentIndex}. */
    public static final String FRAMES = "cuepoint.frames.v1";
    /** Detected events, keyed by video id. */
    public static final String EVENTS = "cuepoint.events.v1";
    /** Decode and analysis progress, keyed by video id. */
    public static final String PROGRESS = "cuepoint.progress.v1";
    /**
     * Records that a consumer could not read, copied unchanged (key, value) with headers naming the source
     * topic, partition, offset, consumer group and the reason, so that one bad record never stops a partition.
     */
    public static final String DEAD_LETTERS = "cuepoint.deadletter.v1";

    private Topics() {
    }

    /** The key of every record of one segment, so that a segment stays on one partition and in order. */
    public static String segmentKey(String videoId, int segment) {
        return videoId + "/" + segment;
    }
}
