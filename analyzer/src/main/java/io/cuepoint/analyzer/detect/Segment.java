package io.cuepoint.analyzer.detect;

import io.cuepoint.ingest.wire.AudioRecord;
import io.cuepoint.ingest.wire.FrameRecord;
import io.cuepoint.ingest.wire.SegmentEnd;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One complete segment as ingest published it: what every detector analyses.
 *
 * @param leadIn the last frame of the previous segment, repeated so that a change on the boundary is
 *               seen; null for segment 0 (or when ingest sent none)
 * @param frames the segment's own frames in decode order, lead-in excluded
 * @param audio  the segment's audio features, null when the video has no audio
 * @param end    the end-of-segment record: media time span, frame count, whether it is the last
 */
public record Segment(FrameRecord leadIn, List<FrameRecord> frames, AudioRecord audio, SegmentEnd end) {
    public Segment {
        Objects.requireNonNull(end, "end");
        frames = List.copyOf(frames);
    }

    public String videoId() {
        return end.videoId();
    }

    public int index() {
        return end.segment();
    }

    /** Whether the video continues before this segment, so intervals at its start may be open. */
    public boolean hasPrevious() {
        return end.segment() > 0;
    }

    /** Whether the video continues after this segment, so intervals at its end may be open. */
    public boolean hasNext() {
        return !end.last();
    }

    /** The lead-in (when present) followed by the segment's frames. */
    public List<FrameRecord> framesWithLeadIn() {
        if (leadIn == null) {
            return frames;
        }
        var all = new ArrayList<FrameRecord>(frames.size() + 1);
        all.add(leadIn);
        all.addAll(frames);
        return all;
    }
}
