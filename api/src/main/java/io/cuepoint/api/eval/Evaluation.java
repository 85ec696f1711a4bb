package io.cuepoint.api.eval;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A corpus scored twice: Cuepoint's events, and FFmpeg's scene filter at each threshold of a sweep. Each clip
 * is analysed by Cuepoint once and measured by FFmpeg once; the thresholds are applied offline.
 */
public final class Evaluation {
    /** Cuepoint's analysis of one clip (the real pipeline in {@code cuepoint evaluate}). */
    @FunctionalInterface
    public interface ClipAnalyzer {
        Analysed analyze(CorpusClip clip) throws InterruptedException;
    }

    /**
     * @param durationMs the clip's media duration
     * @param took       wall time of the analysis
     */
    public record Analysed(List<DetectedEvent> events, long durationMs, Duration took) {
    }

    /** One clip's scores: Cuepoint's, and FFmpeg's per threshold. */
    public record ClipResult(CorpusClip clip, ScoreCard cuepoint, Map<Double, ScoreCard> ffmpeg, long durationMs,
                             Duration took) {
        public double timesRealTime() {
            return took.toMillis() == 0 ? 0 : durationMs / (double) took.toMillis();
        }
    }

    /** FFmpeg's best threshold for one metric over the corpus, and its summed score there. */
    public record Best(double threshold, Score score) {
    }

    /** A scored corpus. */
    public record Result(Path corpus, List<String> detectors, List<Double> thresholds, List<ClipResult> clips) {
        /** Types some truth scores whose detector did not run, so they were left out. */
        public List<String> unscored() {
            return clips.stream().flatMap(c -> c.clip().truth().scored().stream())
                    .filter(type -> !runs(detectors, type)).distinct().sorted().toList();
        }

        public ScoreCard cuepoint() {
            return clips.stream().map(ClipResult::cuepoint).reduce(new ScoreCard(), ScoreCard::plus);
        }

        public ScoreCard ffmpeg(double threshold) {
            return clips.stream().map(c -> c.ffmpeg().get(threshold)).reduce(new ScoreCard(), ScoreCard::plus);
        }

        /** The threshold with the highest corpus F1 for a metric (the lowest of equals), or null if unscored. */
        public Best best(Metric metric) {
            Best best = null;
            for (double t : thresholds) {
                var card = ffmpeg(t);
                if (card.has(metric) && (best == null || card.get(metric).f1() > best.score().f1() + 1e-12)) {
                    best = new Best(t, card.get(metric));
                }
            }
            return best;
        }

        public long durationMs() {
            return clips.stream().mapToLong(ClipResult::durationMs).sum();
        }

        public Duration took() {
            return clips.stream().map(ClipResult::took).reduce(Duration.ZERO, Duration::plus);
        }
    }

    private Evaluation() {
    }

    /**
     * Whether a detector that reports {@code type} is among {@code detectors}: shot.* from shots, slide.* from
     * slides, tech.* and audio.* from technical, camera.* from camera, motion.* from motion; other types are
     * assumed to run.
     */
    public static boolean runs(List<String> detectors, String type) {
        String prefix = type.substring(0, Math.max(0, type.indexOf('.')));
        String detector = switch (prefix) {
            case "shot" -> "shots";
            case "slide" -> "slides";
            case "tech", "audio" -> "technical";
            case "camera" -> "camera";
            case "motion" -> "motion";
            default -> null;
        };
        return detector == null || detectors.contains(detector);
    }

    /**
     * Scores every clip.
     *
     * @param ffmpeg the FFmpeg executable
     * @param log    told what is going on, one line per step
     */
    public static Result run(Path corpus, List<CorpusClip> clips, List<String> detectors, ClipAnalyzer analyzer,
                             String ffmpeg, List<Double> thresholds, Consumer<String> log) throws InterruptedException {
        var results = new ArrayList<ClipResult>();
        int i = 0;
        for (var clip : clips) {
            i++;
            log.accept(String.format("[%d/%d] %s: Cuepoint", i, clips.size(), clip.name()));
            var analysed = analyzer.analyze(clip);
            var cuepoint = Scorer.score(clip.truth(), analysed.events(), type -> runs(detectors, type));
            log.accept(String.format("[%d/%d] %s: FFmpeg scene scores", i, clips.size(), clip.name()));
            var scenes = SceneScores.measure(ffmpeg, clip.clip());
            var peer = new LinkedHashMap<Double, ScoreCard>();
            for (double t : thresholds) {
                peer.put(t, FfmpegPeer.score(clip.truth(), scenes, t));
            }
            results.add(new ClipResult(clip, cuepoint, peer, analysed.durationMs(), analysed.took()));
        }
        return new Result(corpus, List.copyOf(detectors), List.copyOf(thresholds), results);
    }
}
