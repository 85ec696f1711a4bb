package io.cuepoint.analyzer.detect;

import io.cuepoint.analyzer.wire.Event;
import io.cuepoint.analyzer.wire.Fragment;
import io.cuepoint.ingest.wire.AudioRecord;
import io.cuepoint.ingest.wire.FrameRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code audio.silence} intervals of one segment: runs of consecutive audio windows whose RMS level is
 * below the threshold, lasting at least the minimum. Ends are accurate to one window (20 ms by default):
 * a window counts as silent only when its whole RMS is, so a sound that starts within a window ends the
 * silence at that window's start. A run touching the segment's audio start or end is a fragment, kept
 * whatever its length. The frames given are those shown during the silence.
 */
final class SilenceRuns {
    private SilenceRuns() {
    }

    static List<Event> of(Segment segment, DetectionContext ctx, TechnicalConfig config) {
        AudioRecord audio = segment.audio();
        if (audio == null || audio.rmsDbfs().length == 0 || segment.frames().isEmpty()) {
            return List.of();
        }
        float[] rms = audio.rmsDbfs();
        var events = new ArrayList<Event>();
        int from = -1;
        for (int i = 0; i <= rms.length; i++) {
            boolean silent = i < rms.length && rms[i] < config.silenceMaxDbfs();
            if (silent && from < 0) {
                from = i;
            } else if (!silent && from >= 0) {
                var event = event(segment, ctx, config, audio, from, i);
                if (event != null) {
                    events.add(event);
                }
                from = -1;
            }
        }
        return events;
    }

    private static Event event(Segment segment, DetectionContext ctx, TechnicalConfig config, AudioRecord audio,
                               int from, int to) {
        boolean openStart = from == 0 && segment.hasPrevious();
        boolean openEnd = to == audio.rmsDbfs().length && segment.hasNext();
        long startMs = openStart ? segment.end().startMs() : audio.startMs() + (long) from * audio.windowMs();
        long endMs = openEnd ? segment.end().endMs()
                : Math.min(segment.end().endMs(), audio.startMs() + (long) to * audio.windowMs());
        if (!openStart && !openEnd && endMs - startMs < config.silenceMinMs() || endMs <= startMs) {
            return null;
        }
        var frames = segment.frames();
        FrameRecord first = frames.stream().filter(f -> f.ptsMs() >= startMs).findFirst()
                .orElse(frames.get(frames.size() - 1));
        FrameRecord last = frames.stream().filter(f -> f.ptsMs() < endMs).reduce((a, b) -> b).orElse(first);
        if (last.frame() < first.frame()) {
            // A silence shorter than one frame's duration: it lies within the first frame's display time.
            last = first;
        }
        double meanDbfs = meanDbfs(audio.rmsDbfs(), from, to);
        double confidence = Math.min(1, (config.silenceMaxDbfs() - meanDbfs) / 20);
        var fragment = openStart || openEnd ? new Fragment(segment.index(), openStart, openEnd) : null;
        return ctx.event(segment, TechnicalDetector.NAME, TechnicalDetector.SILENCE, startMs, endMs, first.frame(),
                last.frame(), TechnicalDetector.round(confidence, 10_000),
                Map.of("meanDbfs", TechnicalDetector.round(meanDbfs, 10)), fragment);
    }

    /** The level of the run's mean power, in dBFS (a mean of decibels would understate short sounds). */
    private static double meanDbfs(float[] rms, int from, int to) {
        double power = 0;
        for (int i = from; i < to; i++) {
            power += Math.pow(10, rms[i] / 10.0);
        }
        return 10 * Math.log10(power / (to - from));
    }
}
