package io.cuepoint.api.engagement;

import io.cuepoint.analyzer.wire.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Speech from the {@code speech.active}, {@code speech.pause} and {@code audio.nonspeech} events alone, for a
 * video without {@code prosody} artifacts: each speech interval's rate, pitch and loudness variation stand for
 * every moment inside it, so values are interval means rather than the window's own.
 */
final class SpeechEvents implements SpeechTrack {
    static final String ACTIVE = "speech.active";
    static final String PAUSE = "speech.pause";
    static final String NONSPEECH = "audio.nonspeech";
    private static final long MIN_MS = 1000;

    private final List<Event> active;
    private final Intervals analysed;
    private final Intervals speech;

    private SpeechEvents(List<Event> active, Intervals analysed) {
        this.active = active;
        this.analysed = analysed;
        this.speech = Intervals.of(active.stream().map(e -> new long[] {e.startMs(), e.endMs()}).toList());
    }

    /** The speech of a video whose audio was analysed over {@code [0, durationMs)}; empty when no events. */
    static Optional<SpeechEvents> of(List<Event> events, long durationMs) {
        var active = new ArrayList<Event>();
        boolean any = false;
        for (Event e : events) {
            if (e.type().equals(ACTIVE)) {
                active.add(e);
            }
            any |= e.type().equals(ACTIVE) || e.type().equals(PAUSE) || e.type().equals(NONSPEECH);
        }
        if (!any) {
            return Optional.empty();
        }
        return Optional.of(new SpeechEvents(active,
                Intervals.of(List.of(new long[] {0, Math.max(durationMs, 1)}))));
    }

    @Override
    public Intervals analysed() {
        return analysed;
    }

    @Override
    public Intervals speech() {
        return speech;
    }

    @Override
    public double words(long from, long to) {
        double words = 0;
        for (Event e : active) {
            long overlap = Math.min(e.endMs(), to) - Math.max(e.startMs(), from);
            double wpm = number(e, "wordsPerMinute");
            if (overlap > 0 && Double.isFinite(wpm)) {
                words += overlap * wpm / 60_000.0;
            }
        }
        return words;
    }

    @Override
    public OptionalDouble pitchVariationSt(long from, long to) {
        return weighted(from, to, "pitchVariationSt");
    }

    @Override
    public OptionalDouble energyVariationDb(long from, long to) {
        return weighted(from, to, "energyVariationDb");
    }

    /** The overlap-weighted mean of an attribute over the speech intervals in the window. */
    private OptionalDouble weighted(long from, long to, String attribute) {
        double sum = 0;
        long weight = 0;
        for (Event e : active) {
            long overlap = Math.min(e.endMs(), to) - Math.max(e.startMs(), from);
            double value = number(e, attribute);
            if (overlap > 0 && Double.isFinite(value)) {
                sum += overlap * value;
                weight += overlap;
            }
        }
        return weight < MIN_MS ? OptionalDouble.empty() : OptionalDouble.of(sum / weight);
    }

    private static double number(Event e, String attribute) {
        Object v = e.attributes() == null ? null : e.attributes().get(attribute);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
