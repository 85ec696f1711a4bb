package io.cuepoint.api.eval;

/**
 * Counts of one scored metric, for one clip or summed over a corpus (micro average). Precision is 1 when
 * nothing was detected (no false alarm), recall 1 when there was nothing to find; F1 is their harmonic mean
 * (0 when both are 0). So a clip without events of a type, where none was reported, scores 1.
 *
 * @param truths   labelled events (or changes) that could be found
 * @param tp       detections paired with a label
 * @param fp       detections paired with none
 * @param fn       labels paired with no detection
 * @param agree    matched pairs whose kind or direction agree
 * @param compared matched pairs where both sides name a kind or direction
 * @param slides   true slides (for the extra-split rate of slide changes), else 0
 */
public record Score(int truths, int tp, int fp, int fn, int agree, int compared, int slides) {
    public static final Score ZERO = new Score(0, 0, 0, 0, 0, 0, 0);

    public static Score of(int truths, int tp, int fp, int fn) {
        return new Score(truths, tp, fp, fn, 0, 0, 0);
    }

    public Score plus(Score o) {
        return new Score(truths + o.truths, tp + o.tp, fp + o.fp, fn + o.fn, agree + o.agree, compared + o.compared,
                slides + o.slides);
    }

    public Score withAgreement(int agreeing, int comparedPairs) {
        return new Score(truths, tp, fp, fn, agreeing, comparedPairs, slides);
    }

    public Score withSlides(int count) {
        return new Score(truths, tp, fp, fn, agree, compared, count);
    }

    public double precision() {
        return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** Share of matched pairs whose kind or direction agree, NaN when none could be compared. */
    public double attributeAccuracy() {
        return compared == 0 ? Double.NaN : agree / (double) compared;
    }

    /** False positive changes per true slide (slide changes only), NaN without slides. */
    public double extraSplits() {
        return slides == 0 ? Double.NaN : fp / (double) slides;
    }
}
