package io.cuepoint.ingest.wire;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/**
 * Progress of decoding one video. Topic {@link Topics#PROGRESS}, key = video id.
 *
 * @param schema        record schema version, {@link #SCHEMA}
 * @param videoId       the video
 * @param state         where decoding stands
 * @param fraction      share of the media duration decoded, 0 to 1
 * @param media         container metadata; present from {@link State#STARTED} on
 * @param segmentMs     segment length in media milliseconds that this job uses
 * @param segments      number of segments published; set on {@link State#COMPLETED}
 * @param frames        frames decoded so far
 * @param corruptFrames frames skipped because they could not be decoded
 * @param error         a reason a user understands; set on {@link State#FAILED}
 * @param at            when this was written
 */
@JsonTypeName(DecodeProgress.KIND)
public record DecodeProgress(int schema, String videoId, State state, double fraction, MediaInfo media,
                             long segmentMs, Integer segments, long frames, int corruptFrames, String error, Instant at)
        implements ProgressRecord {
    public static final int SCHEMA = 1;
    public static final String KIND = "decode";

    /** The decode states, in the order a successful job passes through them. */
    public enum State { STARTED, PROGRESS, COMPLETED, FAILED }

    @Override
    public String kind() {
        return KIND;
    }
}
