package io.cuepoint.api.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scores of one clip, or of a corpus when cards are summed ({@link #plus}: counts add up per metric,
 * a micro average). Rows come out in a fixed order: cuts, slide changes, transitions, then the other types.
 */
public final class ScoreCard {
    private static final List<String> ORDER = List.of("shot.cut", "slide.change", "shot.transition", "tech.black",
            "tech.frozen", "audio.silence", "camera.pan", "camera.tilt", "camera.zoom", "camera.shake",
            "motion.active");
    private static final Comparator<Metric> ROW_ORDER = Comparator.comparingInt(ScoreCard::rank)
            .thenComparing(Metric::type);

    private final Map<Metric, Score> rows = new LinkedHashMap<>();

    public void put(Metric metric, Score score) {
        rows.put(metric, score);
    }

    /** The score of a metric; {@link Score#ZERO} when this card has no such row. */
    public Score get(Metric metric) {
        return rows.getOrDefault(metric, Score.ZERO);
    }

    public boolean has(Metric metric) {
        return rows.containsKey(metric);
    }

    /** The metrics in table order. */
    public List<Metric> metrics() {
        var list = new ArrayList<>(rows.keySet());
        // Stable sort: the rules of one type keep the order the scorer wrote them in.
        list.sort(ROW_ORDER);
        return list;
    }

    /** This card's counts plus another's, metric by metric. */
    public ScoreCard plus(ScoreCard other) {
        var sum = new ScoreCard();
        rows.forEach(sum::put);
        other.rows.forEach((metric, score) -> sum.rows.merge(metric, score, Score::plus));
        return sum;
    }

    /** A markdown table of every row. */
    public String table() {
        var s = new StringBuilder();
        s.append("| type | rule | labels | TP | FP | FN | precision | recall | F1 | kind/direction agree | extra splits |\n");
        s.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (var metric : metrics()) {
            var score = get(metric);
            s.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %s | %s | %s | %s | %s |%n",
                    metric.type(), metric.rule(), score.truths(), score.tp(), score.fp(), score.fn(),
                    number(score.precision()), number(score.recall()), number(score.f1()),
                    score.compared() == 0 ? "" : String.format(Locale.ROOT, "%s (%d/%d)",
                            number(score.attributeAccuracy()), score.agree(), score.compared()),
                    score.slides() == 0 ? "" : String.format(Locale.ROOT, "%.1f %%", 100 * score.extraSplits())));
        }
        return s.toString();
    }

    static String number(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static int rank(Metric metric) {
        String type = metric.type();
        int bracket = type.indexOf('[');
        int i = ORDER.indexOf(bracket < 0 ? type : type.substring(0, bracket));
        return i < 0 ? ORDER.size() : i;
    }
}
