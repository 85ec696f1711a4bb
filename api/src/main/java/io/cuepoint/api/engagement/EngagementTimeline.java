package io.cuepoint.api.engagement;

import io.cuepoint.api.config.EngagementConfig;
import io.cuepoint.api.engagement.Engagement.Components;
import io.cuepoint.api.engagement.Engagement.Measures;
import io.cuepoint.api.engagement.Engagement.Window;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Cuts a video into windows and scores each: six components from {@link ComponentScales}, and the score as their
 * weighted mean over the components that are not null (the weights of missing ones are left out, so the others
 * are renormalized).
 */
final class EngagementTimeline {
    /** Step of the samples over which time-varying components (visual change, static stretch) are averaged. */
    static final long SAMPLE_MS = 500;
    /** Least presenter time in view in a window for its gesture share to mean anything. */
    static final long MIN_VISIBLE_MS = 1000;

    private final EngagementConfig config;

    EngagementTimeline(EngagementConfig config) {
        this.config = config;
    }

    List<Window> windows(EngagementInputs in, long windowMs) {
        var out = new ArrayList<Window>();
        for (long start = 0; start < in.durationMs(); start += windowMs) {
            out.add(window(in, start, Math.min(start + windowMs, in.durationMs())));
        }
        return out;
    }

    Window window(EngagementInputs in, long from, long to) {
        double span = to - from;
        Double wpm = null;
        Double speechShare = null;
        Double pitch = null;
        Double energy = null;
        Double rate = null;
        Double variety = null;
        SpeechTrack speech = in.speech();
        if (speech != null && speech.analysed().covered(from, to) * 2 >= span) {
            wpm = speech.words(from, to) * 60_000 / span;
            speechShare = speech.speech().covered(from, to) / span;
            pitch = boxed(speech.pitchVariationSt(from, to));
            energy = boxed(speech.energyVariationDb(from, to));
            rate = ComponentScales.speakingRate(wpm);
            variety = ComponentScales.vocalVariety(pitch, energy);
        }
        Integer changes = null;
        Double recent = null;
        Long since = null;
        Double visual = null;
        Double still = null;
        long[] times = in.visualChanges();
        if (times != null) {
            changes = (int) Arrays.stream(times).filter(t -> t >= from && t < to).count();
            double recentSum = 0;
            double stillSum = 0;
            int n = 0;
            for (long t = from + SAMPLE_MS / 2; t < to || n == 0; t += SAMPLE_MS) {
                recentSum += recent(times, t);
                stillSum += ComponentScales.staticStretch(t - last(times, t), config.staticOnsetMs(),
                        config.staticFullMs());
                n++;
            }
            recent = recentSum / n;
            since = to - last(times, to);
            visual = ComponentScales.visualChange(recent);
            still = stillSum / n;
        }
        Double visibleShare = null;
        Double facingShare = null;
        Double gestureShare = null;
        Double presenter = null;
        Double gesture = null;
        var person = in.presenter();
        if (person != null) {
            long visibleMs = person.visible().covered(from, to);
            visibleShare = visibleMs / span;
            facingShare = person.facing().covered(from, to) / span;
            presenter = ComponentScales.presenter(visibleShare, facingShare);
            if (visibleMs >= MIN_VISIBLE_MS) {
                gestureShare = person.gesturing().covered(from, to) / (double) visibleMs;
                gesture = ComponentScales.gesture(gestureShare);
            }
        }
        var components = new Components(round(rate), round(variety), round(visual), round(presenter), round(gesture),
                round(still));
        var measures = new Measures(round(wpm), round(speechShare), round(pitch), round(energy), changes,
                round(recent), since, round(visibleShare), round(facingShare), round(gestureShare));
        return new Window(from, to, round(score(components)), components, measures);
    }

    /** The weighted mean of the components that are not null; null when all are. */
    Double score(Components components) {
        double sum = 0;
        double weights = 0;
        var w = config.weights();
        for (var c : components.byName().entrySet()) {
            if (c.getValue() != null) {
                sum += w.get(c.getKey()) * c.getValue();
                weights += w.get(c.getKey());
            }
        }
        return weights == 0 ? null : sum / weights;
    }

    /** Changes at or before {@code t}, each counted with weight {@code exp(-age / decay)}. */
    private double recent(long[] times, long t) {
        double sum = 0;
        for (long c : times) {
            if (c > t) {
                break;
            }
            sum += Math.exp(-(t - c) / (double) config.visualDecayMs());
        }
        return sum;
    }

    /** The last change at or before {@code t}; the video's start is always one. */
    static long last(long[] times, long t) {
        long last = 0;
        for (long c : times) {
            if (c > t) {
                break;
            }
            last = c;
        }
        return last;
    }

    private static Double boxed(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }

    /** Four decimals: enough for any reader, and stable JSON. */
    static Double round(Double d) {
        return d == null ? null : Math.round(d * 10_000) / 10_000.0;
    }
}
