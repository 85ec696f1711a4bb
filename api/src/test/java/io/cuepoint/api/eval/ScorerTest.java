package io.cuepoint.api.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.api.eval.GroundTruth.Label;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scoring rules on hand-built truths and detections, with counts and ratios worked out by hand. */
class ScorerTest {
    private static GroundTruth truth(List<String> scored, Label... labels) {
        return new GroundTruth("clip.mp4", 25.0, 1500, 60_000, "test", scored, List.of(labels));
    }

    private static DetectedEvent cut(long frame) {
        return DetectedEvent.instant("shot.cut", frame, frame * 40);
    }

    private static DetectedEvent span(String type, long start, long end, Map<String, Object> attributes) {
        return new DetectedEvent(type, start, end, start * 40, (end + 1) * 40, attributes);
    }

    @Test
    void cutsAreScoredExactlyAndWithinOneFrame() {
        var truth = truth(List.of("shot.cut"), Label.instant("shot.cut", 100), Label.instant("shot.cut", 200),
                Label.instant("shot.cut", 300), Label.instant("shot.cut", 400));
        // 100 exact, 201 one late, 303 three late (a miss and a false cut), 400 exact, 700 a false cut.
        var card = Scorer.score(truth, List.of(cut(100), cut(201), cut(303), cut(400), cut(700)));

        var exact = card.get(Scorer.CUT_EXACT);
        assertThat(List.of(exact.tp(), exact.fp(), exact.fn())).containsExactly(2, 3, 2);
        assertThat(exact.precision()).isCloseTo(2 / 5.0, within(1e-9));
        assertThat(exact.recall()).isCloseTo(2 / 4.0, within(1e-9));
        assertThat(exact.f1()).isCloseTo(4 / 9.0, within(1e-9)); // 2PR/(P+R) = 2·0.4·0.5/0.9
        var one = card.get(Scorer.CUT_ONE);
        assertThat(List.of(one.tp(), one.fp(), one.fn())).containsExactly(3, 2, 1);
        assertThat(one.f1()).isCloseTo(2 * 0.6 * 0.75 / 1.35, within(1e-9));
    }

    @Test
    void oneDetectionCannotMatchTwoLabels() {
        // Two labels one frame either side of a single detection: one pair, one miss.
        var truth = truth(List.of("shot.cut"), Label.instant("shot.cut", 50), Label.instant("shot.cut", 52));
        var one = Scorer.score(truth, List.of(cut(51))).get(Scorer.CUT_ONE);
        assertThat(List.of(one.tp(), one.fp(), one.fn())).containsExactly(1, 0, 1);
    }

    @Test
    void pairingFindsTheLargestSetOfPairsWhereGreedyWouldNot() {
        // Labels 10, 11; detections 11, 12. Greedy by distance pairs 11 with 11 first (distance 0), leaving 10
        // and 12 two frames apart: one pair. The optimum is (10, 11) and (11, 12), both within 1 frame.
        int[] pairs = OneToOneMatcher.instants(new long[] {10, 11}, new long[] {11, 12}, 1);
        assertThat(pairs).containsExactly(0, 1);
    }

    @Test
    void toleranceEdgesAreInclusive() {
        var truth = truth(List.of("shot.cut"), Label.instant("shot.cut", 100));
        assertThat(Scorer.score(truth, List.of(cut(101))).get(Scorer.CUT_ONE).tp()).isEqualTo(1);
        assertThat(Scorer.score(truth, List.of(cut(99))).get(Scorer.CUT_ONE).tp()).isEqualTo(1);
        assertThat(Scorer.score(truth, List.of(cut(102))).get(Scorer.CUT_ONE).tp()).isZero();
        assertThat(Scorer.score(truth, List.of(cut(101))).get(Scorer.CUT_EXACT).tp()).isZero();
    }

    @Test
    void nothingToFindAndNothingFoundScoresOne() {
        var empty = Scorer.score(truth(List.of("shot.cut")), List.of()).get(Scorer.CUT_ONE);
        assertThat(empty.f1()).isEqualTo(1.0);
        var falseAlarm = Scorer.score(truth(List.of("shot.cut")), List.of(cut(5))).get(Scorer.CUT_ONE);
        assertThat(falseAlarm.precision()).isZero();
        assertThat(falseAlarm.f1()).isZero();
    }

    @Test
    void intervalsPairAtHalfTemporalIouAndNotBelow() {
        // Label frames 100-199 (100 frames). Detection 150-249: overlap 50 / union 150 = 1/3 -> no pair.
        // Detection 100-299: overlap 100 / union 200 = 0.5 exactly -> a pair.
        var truth = truth(List.of("tech.black"), Label.interval("tech.black", 100, 199));
        var low = Scorer.score(truth, List.of(span("tech.black", 150, 249, Map.of())));
        assertThat(low.get(new Metric("tech.black", Scorer.IOU_RULE)).tp()).isZero();
        assertThat(low.get(new Metric("tech.black", Scorer.IOU_RULE)).fp()).isEqualTo(1);
        var half = Scorer.score(truth, List.of(span("tech.black", 100, 299, Map.of())));
        assertThat(half.get(new Metric("tech.black", Scorer.IOU_RULE)).tp()).isEqualTo(1);
        assertThat(OneToOneMatcher.iou(new long[] {100, 200}, new long[] {100, 300})).isEqualTo(0.5);
        assertThat(OneToOneMatcher.iou(new long[] {0, 10}, new long[] {10, 20})).isZero();
    }

    @Test
    void intervalsInMillisecondsWhenTheLabelHasNoFrames() {
        // Silence 20.0-23.0 s; detection 21.0-24.0 s: 2 s overlap / 4 s union = 0.5 -> a pair.
        var truth = truth(List.of("audio.silence"), Label.intervalMs("audio.silence", 20_000, 23_000));
        var detected = new DetectedEvent("audio.silence", 0, 0, 21_000, 24_000, Map.of());
        assertThat(Scorer.score(truth, List.of(detected)).get(new Metric("audio.silence", Scorer.IOU_RULE)).tp())
                .isEqualTo(1);
    }

    @Test
    void transitionKindsAreComparedOverPairsAndScoredPerKind() {
        var truth = truth(List.of("shot.transition"),
                Label.interval("shot.transition", 100, 124).withKind("dissolve"),
                Label.interval("shot.transition", 300, 312).withKind("fade-out"),
                Label.interval("shot.transition", 500, 512).withKind("fade-in"));
        var card = Scorer.score(truth, List.of(
                span("shot.transition", 102, 124, Map.of("kind", "dissolve")), // IoU 23/25
                span("shot.transition", 300, 310, Map.of("kind", "dissolve")), // IoU 11/13, wrong kind
                span("shot.transition", 800, 810, Map.of("kind", "fade-in"))));  // nowhere near

        var all = card.get(new Metric("shot.transition", Scorer.IOU_RULE));
        assertThat(List.of(all.tp(), all.fp(), all.fn())).containsExactly(2, 1, 1);
        assertThat(List.of(all.agree(), all.compared())).containsExactly(1, 2);
        var dissolve = card.get(new Metric("shot.transition[dissolve]", Scorer.IOU_RULE));
        assertThat(List.of(dissolve.tp(), dissolve.fp(), dissolve.fn())).containsExactly(1, 1, 0);
        var fadeOut = card.get(new Metric("shot.transition[fade-out]", Scorer.IOU_RULE));
        assertThat(List.of(fadeOut.tp(), fadeOut.fp(), fadeOut.fn())).containsExactly(0, 0, 1);
        // Hit rule: labels 1 and 2 are touched, label 3 is not; the detection at 800 is a false one.
        var hit = card.get(Scorer.TRANSITION_HIT);
        assertThat(List.of(hit.tp(), hit.fp(), hit.fn())).containsExactly(2, 1, 1);
    }

    @Test
    void hitRuleAcceptsOneFrameOutsideAndCountsExtraHitsNeitherWay() {
        List<long[]> labels = List.of(new long[] {100, 110});
        var score = Scorer.hits(labels, List.of(new long[] {99, 99}, new long[] {105, 105}, new long[] {111, 111},
                new long[] {113, 113}));
        assertThat(List.of(score.tp(), score.fp(), score.fn())).containsExactly(1, 1, 0);
    }

    @Test
    void slideChangesWithinHalfASecondAndExtraSplitsPerTrueSlide() {
        // Slides start at 0, 250, 500, 750 (25 fps): changes 250, 500, 750. Detected slides start at 0, 260
        // (0.4 s late: a hit), 400 (a false change), 513 (0.52 s late: too late -> a miss and a false change), 750.
        var truth = truth(List.of("slide.shown"), Label.interval("slide.shown", 0, 249).withSlide(1, 0),
                Label.interval("slide.shown", 250, 499).withSlide(2, 0),
                Label.interval("slide.shown", 500, 749).withSlide(3, 1),
                Label.interval("slide.shown", 750, 999).withSlide(1, 0));
        var found = List.of(span("slide.shown", 0, 259, Map.of()), span("slide.shown", 260, 399, Map.of()),
                span("slide.shown", 400, 512, Map.of()), span("slide.shown", 513, 749, Map.of()),
                span("slide.shown", 750, 999, Map.of()));
        var score = Scorer.score(truth, found).get(Scorer.SLIDE_CHANGES);
        assertThat(List.of(score.truths(), score.tp(), score.fp(), score.fn())).containsExactly(3, 2, 2, 1);
        assertThat(score.extraSplits()).isCloseTo(2 / 4.0, within(1e-9));
    }

    @Test
    void onlyScoredTypesAreScoredAndCardsAddUp() {
        var truth = truth(List.of("shot.cut"), Label.instant("shot.cut", 10), Label.interval("tech.black", 0, 5));
        var card = Scorer.score(truth, List.of(cut(10), span("tech.black", 0, 5, Map.of())));
        assertThat(card.metrics()).containsExactly(Scorer.CUT_EXACT, Scorer.CUT_ONE);
        var sum = card.plus(Scorer.score(truth, List.of()));
        assertThat(List.of(sum.get(Scorer.CUT_ONE).tp(), sum.get(Scorer.CUT_ONE).fn())).containsExactly(1, 1);
        assertThat(sum.table()).contains("| shot.cut | ±1 frame | 2 | 1 | 0 | 1 | 1.000 | 0.500 | 0.667 |");
    }
}
