package io.cuepoint.api.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores FFmpeg's scene-change filter as a peer at one threshold T: every frame whose scene score is above T
 * is a detection (the first frame of a new scene), the method of Opencast's video segmenter. The same
 * detections are scored as hard cuts (±0 and ±1 frame), as slide changes (±0.5 s) and, under the generous
 * hit rule ({@link Scorer#hits}), as gradual transitions.
 *
 * <p>FFmpeg does not say what kind of change it saw, so each row leaves out what another row explains: the
 * cut rows ignore detections inside a labelled transition (±1 frame), the transition row ignores detections
 * within one frame of a labelled cut. Cuepoint gets no such allowance: its cut inside a transition is a false
 * cut.
 */
public final class FfmpegPeer {
    private FfmpegPeer() {
    }

    /** Thresholds from {@code from} to {@code to} (inclusive) in steps of {@code step}, rounded to 1e-6. */
    public static List<Double> thresholds(double from, double to, double step) {
        if (step <= 0 || from > to) {
            throw new IllegalArgumentException("thresholds: need from <= to and step > 0, got " + from + ":" + to
                    + ":" + step);
        }
        var list = new ArrayList<Double>();
        for (int i = 0; from + i * step <= to + 1e-9; i++) {
            list.add(Math.round((from + i * step) * 1e6) / 1e6);
        }
        return list;
    }

    public static ScoreCard score(GroundTruth truth, SceneScores scenes, double threshold) {
        long[] found = scenes.detections(threshold);
        var card = new ScoreCard();
        long[] cuts = truth.of(Scorer.CUT).stream().mapToLong(l -> Scorer.frameOf(truth, l)).sorted().toArray();
        List<long[]> transitions = truth.of(Scorer.TRANSITION).stream().map(l -> Scorer.frameSpan(truth, l)).toList();
        if (truth.scored().contains(Scorer.CUT)) {
            long[] candidates = Arrays.stream(found)
                    .filter(f -> transitions.stream().noneMatch(t -> f >= t[0] - 1 && f <= t[1] + 1)).toArray();
            card.put(Scorer.CUT_EXACT, Scorer.instants(cuts, candidates, 0));
            card.put(Scorer.CUT_ONE, Scorer.instants(cuts, candidates, 1));
        }
        if (truth.scored().contains(Scorer.SLIDE)) {
            var slides = truth.of(Scorer.SLIDE);
            long[] changes = Scorer.changes(slides.stream().mapToLong(l -> Scorer.frameSpan(truth, l)[0]).toArray());
            card.put(Scorer.SLIDE_CHANGES, Scorer.instants(changes, found,
                    Scorer.SLIDE_TOLERANCE_S * truth.frameRate()).withSlides(slides.size()));
        }
        if (truth.scored().contains(Scorer.TRANSITION)) {
            List<long[]> candidates = Arrays.stream(found)
                    .filter(f -> Arrays.stream(cuts).noneMatch(c -> Math.abs(c - f) <= 1))
                    .mapToObj(f -> new long[] {f, f}).toList();
            card.put(Scorer.TRANSITION_HIT, Scorer.hits(transitions, candidates));
        }
        return card;
    }
}
