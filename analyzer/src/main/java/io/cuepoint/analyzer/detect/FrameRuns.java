package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Stretches of consecutive frames of a segment that carry the same non-zero label, as intervals with the
 * project's ends: {@code endFrame} the last frame in it, {@code endMs} where the next frame (or the segment)
 * begins. A stretch that touches the segment's start (after the first segment) or its end (before the last)
 * is a fragment the api merges with its neighbour's; it is kept whatever its length, because only the
 * merged whole can be held to the minimum duration.
 */
final class FrameRuns {
    /**
     * One stretch over {@code frames[from..to)}.
     *
     * @param label the label its frames share
     */
    record Run(int label, int from, int to, long startMs, long endMs, FrameRecord first, FrameRecord last,
               Fragment fragment) {
        long durationMs() {
            return endMs - startMs;
        }
    }

    private FrameRuns() {
    }

    /**
     * The stretches of equal non-zero {@code labels} (one per frame of {@code segment.frames()}) lasting at
     * least {@code minMs}, fragments always.
     *
     * @param continuesBefore whether a stretch on the segment's first frame may continue the previous
     *                        segment's (false when the lead-in shows it did not)
     */
    static List<Run> of(Segment segment, int[] labels, long minMs, boolean continuesBefore) {
        var frames = segment.frames();
        var runs = new ArrayList<Run>();
        int from = 0;
        for (int i = 1; i <= labels.length; i++) {
            if (i < labels.length && labels[i] == labels[from]) {
                continue;
            }
            if (labels[from] != 0) {
                var run = run(segment, frames, labels[from], from, i, continuesBefore);
                if (run.fragment() != null || run.durationMs() >= minMs) {
                    runs.add(run);
                }
            }
            from = i;
        }
        return runs;
    }

    private static Run run(Segment segment, List<FrameRecord> frames, int label, int from, int to,
                           boolean continuesBefore) {
        boolean openStart = from == 0 && segment.hasPrevious() && continuesBefore;
        boolean openEnd = to == frames.size() && segment.hasNext();
        // Fragments meet exactly at the segment boundary, so that the api can join them end to start.
        long startMs = openStart ? segment.end().startMs() : frames.get(from).ptsMs();
        long endMs = to < frames.size() ? frames.get(to).ptsMs() : segment.end().endMs();
        var fragment = openStart || openEnd ? new Fragment(segment.index(), openStart, openEnd) : null;
        return new Run(label, from, to, startMs, endMs, frames.get(from), frames.get(to - 1), fragment);
    }
}
