package io.cuepoint.ingest.wire;

import java.time.Instant;
import java.util.Objects;

/**
 * Asks ingest to decode one video. Topic {@link Topics#JOBS}, key = video id.
 *
 * @param schema      record schema version, {@link #SCHEMA}
 * @param videoId     the id the api gave the video
 * @param source      absolute path of the media file, readable by the ingest worker (a file in the
 *                    shared media store, or a server-side path the api accepted)
 * @param submittedAt when the api accepted the video
 */
public record JobRequest(int schema, String videoId, String source, Instant submittedAt) {
    public static final int SCHEMA = 1;

    public JobRequest {
        Objects.requireNonNull(videoId, "videoId");
        Objects.requireNonNull(source, "source");
    }

    public static JobRequest of(String videoId, String source, Instant submittedAt) {
        return new JobRequest(SCHEMA, videoId, source, submittedAt);
    }
}
