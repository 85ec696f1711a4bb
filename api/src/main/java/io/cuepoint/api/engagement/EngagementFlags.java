package io.cuepoint.api.engagement;

import io.cuepoint.api.config.EngagementConfig;
import io.cuepoint.api.engagement.Engagement.Flag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Stretches of a video a reviewer can act on. They are found on the video's own time line (and for rates on a
 * fixed {@link #STEP_MS} grid), not on the windows a client asks for, so a flag does not move with the window.
 */
final class EngagementFlags {
    /** Grid on which sustained speaking rate and pitch variation are measured. */
    static final long STEP_MS = 10_000;

    private final EngagementConfig config;

    EngagementFlags(EngagementConfig config) {
        this.config = config;
    }

    List<Flag> flags(EngagementInputs in) {
        var out = new ArrayList<Flag>();
        if (in.visualChanges() != null) {
            staticStretches(in, out);
        }
        if (in.speech() != null) {
            speech(in.speech(), out);
        }
        if (in.presenter() != null) {
            presenter(in, out);
        }
        out.sort(Comparator.comparingLong(Flag::startMs).thenComparing(Flag::code));
        return out;
    }

    private void staticStretches(EngagementInputs in, List<Flag> out) {
        long[] times = in.visualChanges();
        for (int i = 0; i < times.length; i++) {
            long end = i + 1 < times.length ? times[i + 1] : in.durationMs();
            if (end - times[i] > config.staticFlagMs()) {
                out.add(new Flag("no-visual-change", "no new slide, cut or transition for " + clock(end - times[i])
                        + "; consider a new slide, a build, a cut to the presenter or a break into shorter videos",
                        times[i], end));
            }
        }
    }

    private void speech(SpeechTrack speech, List<Flag> out) {
        for (long[] audio : speech.analysed().spans()) {
            for (long[] gap : speech.speech().gaps(audio[0], audio[1])) {
                if (gap[1] - gap[0] >= config.silenceFlagMs()) {
                    out.add(new Flag("no-speech", "nobody speaks for " + clock(gap[1] - gap[0]), gap[0], gap[1]));
                }
            }
            runs(audio, s -> {
                double wpm = speech.words(s[0], s[1]) * 60_000 / (s[1] - s[0]);
                return wpm > config.fastWordsPerMinute() ? OptionalDouble.of(wpm) : OptionalDouble.empty();
            }, config.fastFlagMs(), (run, mean) -> out.add(new Flag("fast-speech", String.format(Locale.ROOT,
                    "speaking rate %.0f words per minute (above %.0f) for %s; novices and non-native listeners "
                            + "may not keep up", mean, config.fastWordsPerMinute(), clock(run[1] - run[0])),
                    run[0], run[1])));
            runs(audio, s -> {
                OptionalDouble st = speech.pitchVariationSt(s[0], s[1]);
                return st.isPresent() && st.getAsDouble() < config.monotoneSemitones() ? st : OptionalDouble.empty();
            }, config.monotoneFlagMs(), (run, mean) -> out.add(new Flag("monotone", String.format(Locale.ROOT,
                    "pitch varies by only %.1f semitones (below %.1f) for %s: a monotone delivery", mean,
                    config.monotoneSemitones(), clock(run[1] - run[0])), run[0], run[1])));
        }
    }

    private void presenter(EngagementInputs in, List<Flag> out) {
        var person = in.presenter();
        for (long[] gap : person.visible().gaps(0, in.durationMs())) {
            if (gap[1] - gap[0] >= config.presenterAbsentFlagMs()) {
                out.add(new Flag("presenter-absent", "the presenter is not in view for " + clock(gap[1] - gap[0]),
                        gap[0], gap[1]));
            }
        }
        for (long[] seen : person.visible().spans()) {
            for (long[] away : person.facing().gaps(seen[0], seen[1])) {
                if (away[1] - away[0] >= config.notFacingFlagMs()) {
                    out.add(new Flag("presenter-not-facing", "the presenter is in view but turned away from the "
                            + "camera for " + clock(away[1] - away[0]), away[0], away[1]));
                }
            }
        }
    }

    /** What a run reports: its span and the mean of its steps' values. */
    private interface RunSink {
        void accept(long[] run, double mean);
    }

    /**
     * Runs of consecutive {@link #STEP_MS} steps inside {@code audio} whose measure is present, at least
     * {@code minMs} long.
     */
    private static void runs(long[] audio, Function<long[], OptionalDouble> measure, long minMs, RunSink sink) {
        long runStart = -1;
        long runEnd = -1;
        double sum = 0;
        int n = 0;
        for (long s = audio[0]; s < audio[1]; s += STEP_MS) {
            long e = Math.min(s + STEP_MS, audio[1]);
            OptionalDouble v = e - s >= STEP_MS / 2 ? measure.apply(new long[] {s, e}) : OptionalDouble.empty();
            if (v.isPresent()) {
                if (runStart < 0) {
                    runStart = s;
                    sum = 0;
                    n = 0;
                }
                runEnd = e;
                sum += v.getAsDouble();
                n++;
            } else {
                emit(runStart, runEnd, sum, n, minMs, sink);
                runStart = -1;
            }
        }
        emit(runStart, runEnd, sum, n, minMs, sink);
    }

    private static void emit(long start, long end, double sum, int n, long minMs, RunSink sink) {
        if (start >= 0 && end - start >= minMs) {
            sink.accept(new long[] {start, end}, sum / n);
        }
    }

    /** m:ss, or h:mm:ss from an hour. */
    static String clock(long ms) {
        long s = Math.round(ms / 1000.0);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
