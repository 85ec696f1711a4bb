package io.cuepoint.analyzer.wire;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cuepoint.ingest.wire.ProgressRecord;
import java.time.Instant;

/**
 * An analyzer finished one segment. Topic {@code cuepoint.progress.v1}, key = video id. Written only
 * after the segment's events were acknowledged by the broker, so a reader that has seen this for
 * every segment has seen every event.
 *
 * @param schema   record schema version, {@link #SCHEMA}
 * @param videoId  the video
 * @param segment  the segment
 * @param state    done, or failed with an error
 * @param frames   frames analysed (not counting the lead-in)
 * @param events   events published for the segment
 * @param analyzer analyzer version
 * @param error    what went wrong, when failed
 * @param at       when this was written
 */
@JsonTypeName(AnalysisProgress.KIND)
public record AnalysisProgress(int schema, String videoId, int segment, State state, int frames, int events,
                               String analyzer, String error, Instant at) implements ProgressRecord {
    public static final int SCHEMA = 1;
    public static final String KIND = "analysis";

    /** Outcome of one segment. */
    public enum State { DONE, FAILED }

    @Override
    public String kind() {
        return KIND;
    }
}
