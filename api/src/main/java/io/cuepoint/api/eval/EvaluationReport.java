package io.cuepoint.api.eval;

import io.cuepoint.api.eval.Evaluation.Best;
import io.cuepoint.api.eval.Evaluation.ClipResult;
import io.cuepoint.api.eval.Evaluation.Result;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** An evaluation as markdown: the corpus table (Cuepoint beside FFmpeg at its best), per clip, and the sweep. */
public final class EvaluationReport {
    private static final List<Metric> PEER_METRICS = List.of(Scorer.CUT_EXACT, Scorer.CUT_ONE, Scorer.SLIDE_CHANGES,
            Scorer.TRANSITION_HIT);

    private EvaluationReport() {
    }

    public static String markdown(Result result) {
        var s = new StringBuilder();
        s.append("# Cuepoint evaluation\n\n");
        s.append(String.format(Locale.ROOT, "Corpus `%s`: %d clips, %.1f s of video. Detectors: %s. "
                        + "FFmpeg scene thresholds: %s.%n%n", result.corpus(), result.clips().size(),
                result.durationMs() / 1000.0, String.join(",", result.detectors()),
                result.thresholds().stream().map(t -> String.format(Locale.ROOT, "%.2f", t))
                        .collect(Collectors.joining(" "))));
        s.append(String.format(Locale.ROOT, "Analysis speed: %.1f s of video in %.1f s of analysis = **%.1f× real "
                        + "time** (submission to completed timeline, all-in-one pipeline, start-up excluded).%n%n",
                result.durationMs() / 1000.0, result.took().toMillis() / 1000.0,
                result.took().toMillis() == 0 ? 0 : result.durationMs() / (double) result.took().toMillis()));
        s.append("## Corpus (counts summed over clips)\n\n");
        var cuepoint = result.cuepoint();
        s.append("| type | rule | labels | Cuepoint P | R | F1 | kind/direction agree | extra splits "
                + "| FFmpeg best T | FFmpeg P | R | F1 | extra splits |\n");
        s.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (var metric : cuepoint.metrics()) {
            var score = cuepoint.get(metric);
            Best best = PEER_METRICS.contains(metric) ? result.best(metric) : null;
            s.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | **%s** | %s | %s | %s |%n", metric.type(),
                    metric.rule(), score.truths(), num(score.precision()), num(score.recall()), num(score.f1()),
                    agreement(score), splits(score), best == null ? " | | | |"
                            : String.format(Locale.ROOT, "%.2f | %s | %s | **%s** | %s", best.threshold(),
                            num(best.score().precision()), num(best.score().recall()), num(best.score().f1()),
                            splits(best.score()))));
        }
        if (!result.unscored().isEmpty()) {
            s.append("\nNot scored (labelled, but their detector did not run): ")
                    .append(String.join(", ", result.unscored())).append(".\n");
        }
        s.append("\n## Per clip\n\n");
        s.append("| clip | type | rule | labels | TP | FP | FN | Cuepoint F1 | FFmpeg F1 (at best T) |\n");
        s.append("|---|---|---|--:|--:|--:|--:|--:|--:|\n");
        for (ClipResult clip : result.clips()) {
            for (var metric : clip.cuepoint().metrics()) {
                var score = clip.cuepoint().get(metric);
                Best best = PEER_METRICS.contains(metric) ? result.best(metric) : null;
                s.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %d | %d | %s | %s |%n", clip.clip().name(),
                        metric.type(), metric.rule(), score.truths(), score.tp(), score.fp(), score.fn(),
                        num(score.f1()), best == null ? "" : num(clip.ffmpeg().get(best.threshold()).get(metric).f1())));
            }
        }
        s.append("\n| clip | duration s | analysis s | × real time | labels from |\n|---|--:|--:|--:|---|\n");
        for (ClipResult clip : result.clips()) {
            s.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %s |%n", clip.clip().name(),
                    clip.durationMs() / 1000.0, clip.took().toMillis() / 1000.0, clip.timesRealTime(),
                    firstSentence(clip.clip().truth().source())));
        }
        s.append("\n## FFmpeg threshold sweep (corpus F1)\n\n| threshold |");
        var metrics = PEER_METRICS.stream().filter(m -> result.best(m) != null).toList();
        metrics.forEach(m -> s.append(' ').append(m).append(" |"));
        s.append("\n|--:|").append("--:|".repeat(metrics.size())).append('\n');
        for (double t : result.thresholds()) {
            var card = result.ffmpeg(t);
            s.append(String.format(Locale.ROOT, "| %.2f |", t));
            metrics.forEach(m -> s.append(' ').append(num(card.get(m).f1())).append(" |"));
            s.append('\n');
        }
        return s.toString();
    }

    private static String agreement(Score score) {
        return score.compared() == 0 ? "" : String.format(Locale.ROOT, "%s (%d/%d)", num(score.attributeAccuracy()),
                score.agree(), score.compared());
    }

    private static String splits(Score score) {
        return score.slides() == 0 ? "" : String.format(Locale.ROOT, "%.1f %%", 100 * score.extraSplits());
    }

    private static String num(double value) {
        return ScoreCard.number(value);
    }

    private static String firstSentence(String source) {
        if (source == null) {
            return "";
        }
        String line = source.replace('|', '/').replace('\n', ' ');
        int stop = line.indexOf(". ");
        return stop > 0 && stop < 120 ? line.substring(0, stop) : line.length() > 120 ? line.substring(0, 117) + "…" : line;
    }
}
