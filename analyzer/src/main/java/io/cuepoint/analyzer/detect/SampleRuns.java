package io.cuepoint.analyzer.detect;

import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-sample signals of a segment turned into intervals: a centred moving median, two thresholds
 * (hysteresis), and the stretches of samples in the on state with the project's interval ends. A stretch
 * covers its samples up to the next sample ({@code endMs} exclusive, {@code endFrame} the frame before it);
 * one that starts on the first sample reaches back to the segment's start, one that ends on the last
 * sample reaches to the segment's end. Those are fragments where the video continues, kept whatever their
 * length (only the merged whole can be held to a minimum duration).
 */
final class SampleRuns {
    /** One stretch over samples {@code [from, to)}. */
    record Run(int from, int to, long startMs, long endMs, long startFrame, long endFrame, boolean openStart,
               boolean openEnd) {
        long durationMs() {
            return endMs - startMs;
        }
    }

    private SampleRuns() {
    }

    /** Centred moving median over {@code window} samples, shortened at the ends; NaN counts as 0. */
    static double[] median(double[] values, int window) {
        int half = window / 2;
        var out = new double[values.length];
        var buffer = new double[2 * half + 1];
        for (int i = 0; i < values.length; i++) {
            int from = Math.max(0, i - half);
            int to = Math.min(values.length, i + half + 1);
            for (int j = from; j < to; j++) {
                buffer[j - from] = Double.isNaN(values[j]) ? 0 : values[j];
            }
            int n = to - from;
            Arrays.sort(buffer, 0, n);
            out[i] = n % 2 == 1 ? buffer[n / 2] : (buffer[n / 2 - 1] + buffer[n / 2]) / 2;
        }
        return out;
    }

    /** On from {@code on} upwards, staying on until below {@code off}. */
    static boolean[] hysteresis(double[] values, double on, double off) {
        var states = new boolean[values.length];
        boolean state = false;
        for (int i = 0; i < values.length; i++) {
            state = state ? values[i] >= off : values[i] >= on;
            states[i] = state;
        }
        return states;
    }

    /** The on stretches of {@code states} lasting at least {@code minMs}, fragments always. */
    static List<Run> of(Segment segment, List<FrameRecord> samples, boolean[] states, long minMs) {
        var runs = new ArrayList<Run>();
        int n = states.length;
        int from = -1;
        for (int i = 0; i <= n; i++) {
            boolean on = i < n && states[i];
            if (on && from < 0) {
                from = i;
            } else if (!on && from >= 0) {
                var run = run(segment, samples, from, i);
                if (run.openStart() || run.openEnd() || run.durationMs() >= minMs) {
                    runs.add(run);
                }
                from = -1;
            }
        }
        return runs;
    }

    /** The interval of samples {@code [from, to)}. */
    static Run run(Segment segment, List<FrameRecord> samples, int from, int to) {
        var frames = segment.frames();
        boolean first = from == 0;
        boolean last = to == samples.size();
        return new Run(from, to,
                first ? segment.end().startMs() : samples.get(from).ptsMs(),
                last ? segment.end().endMs() : samples.get(to).ptsMs(),
                first ? frames.get(0).frame() : samples.get(from).frame(),
                last ? frames.get(frames.size() - 1).frame() : samples.get(to).frame() - 1,
                first && segment.hasPrevious(), last && segment.hasNext());
    }

    /** The mean of the non-NaN values over {@code [from, to)}, NaN when there are none. */
    static double mean(double[] values, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(values[i])) {
                sum += values[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
