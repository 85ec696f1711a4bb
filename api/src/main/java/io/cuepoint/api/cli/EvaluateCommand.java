package io.cuepoint.api.cli;

import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.analyzer.detect.DetectorRegistry;
import io.cuepoint.api.ApiException;
import io.cuepoint.api.embedded.AllInOne;
import io.cuepoint.api.embedded.LocalAnalysis;
import io.cuepoint.api.eval.CorpusClip;
import io.cuepoint.api.eval.DetectedEvent;
import io.cuepoint.api.eval.Evaluation;
import io.cuepoint.api.eval.EvaluationReport;
import io.cuepoint.api.eval.FfmpegPeer;
import io.cuepoint.ingest.IngestConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Scores Cuepoint and FFmpeg's scene filter on a corpus of clips with ground truth: every clip through the
 * real all-in-one pipeline, started once, and through FFmpeg once; a markdown report.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Analyse every clip of a corpus (*.truth.json) and score Cuepoint beside FFmpeg's scene filter.")
final class EvaluateCommand implements Callable<Integer> {
    /** The temporal detectors; those not (yet) registered are left out of the default. */
    static final List<String> TEMPORAL = List.of("shots", "slides", "technical", "camera", "motion");

    @ParentCommand
    CuepointCommand parent;

    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "folder with *.truth.json files")
    Path corpus;

    @Option(names = "--out", paramLabel = "REPORT.md", description = "also write the report here")
    Path out;

    @Option(names = "--detectors", split = ",", paramLabel = "NAMES",
            description = "detectors to run (default: the registered ones of " + "shots,slides,technical,camera,motion)")
    List<String> detectors;

    @Option(names = "--thresholds", paramLabel = "FROM:TO:STEP|T,T,...", defaultValue = "0.05:0.60:0.05",
            description = "FFmpeg scene thresholds to sweep (default ${DEFAULT-VALUE})")
    String thresholds;

    @Option(names = "--ffmpeg", defaultValue = "ffmpeg", description = "FFmpeg executable (default ${DEFAULT-VALUE})")
    String ffmpeg;

    @Option(names = "--data-dir", description = "state directory (env CUEPOINT_DATA_DIR, default ~/.cuepoint)")
    Path dataDir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        var err = parent.spec.commandLine().getErr();
        try {
            var clips = CorpusClip.find(corpus);
            var sweep = parseThresholds(thresholds);
            var names = detectorNames();
            checkFfmpeg();
            var env = new HashMap<>(parent.environment());
            env.put(AnalyzerConfig.DETECTORS, String.join(",", names));
            Path dir = dataDir != null ? dataDir : Settings.dataDir(env);
            var roots = clips.stream().map(c -> c.clip().getParent()).distinct().toList();
            var options = LocalAnalysis.options(dir, IngestConfig.fromEnvironment(env),
                    AnalyzerConfig.fromEnvironment(env), roots);
            err.println("Starting the embedded Kafka broker and PostgreSQL (logs: "
                    + dir.resolve("logs").resolve("cuepoint.log") + ")");
            Evaluation.Result result;
            try (var cuepoint = AllInOne.start(options)) {
                result = Evaluation.run(corpus, clips, names, clip -> analyze(cuepoint, clip), ffmpeg, sweep,
                        err::println);
            }
            String report = EvaluationReport.markdown(result);
            if (out != null) {
                Path target = out.toAbsolutePath();
                Files.createDirectories(target.getParent());
                Files.writeString(target, report);
                err.println("Report: " + target);
            }
            parent.spec.commandLine().getOut().print(report);
            parent.spec.commandLine().getOut().flush();
            return 0;
        } catch (ApiException e) {
            err.println("cuepoint: " + e.getMessage());
            return 2;
        }
    }

    private static Evaluation.Analysed analyze(AllInOne cuepoint, CorpusClip clip) throws InterruptedException {
        var result = LocalAnalysis.analyze(cuepoint, clip.clip(), (state, fraction) -> { });
        if (!result.completed()) {
            throw ApiException.badRequest("analysis of " + clip.clip() + " failed: " + result.video().error());
        }
        var media = result.export().video().media();
        long durationMs = media != null && media.durationMs() != null ? media.durationMs() : clip.truth().durationMs();
        return new Evaluation.Analysed(result.export().events().stream().map(DetectedEvent::of).toList(), durationMs,
                result.took());
    }

    private List<String> detectorNames() {
        var known = DetectorRegistry.standard().names();
        if (detectors == null || detectors.isEmpty()) {
            return TEMPORAL.stream().filter(known::contains).toList();
        }
        var names = new ArrayList<String>();
        for (String name : detectors) {
            if (!known.contains(name.trim())) {
                throw ApiException.badRequest("--detectors names unknown detector '" + name + "'; known: "
                        + String.join(",", known));
            }
            names.add(name.trim());
        }
        return names;
    }

    private void checkFfmpeg() throws InterruptedException {
        try {
            var process = new ProcessBuilder(ffmpeg, "-hide_banner", "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor() != 0) {
                throw ApiException.badRequest(ffmpeg + " -version failed; is it FFmpeg?");
            }
        } catch (IOException e) {
            throw ApiException.badRequest("ffmpeg is missing: cannot run '" + ffmpeg + "' (" + e.getMessage()
                    + "); install FFmpeg (apt-get install ffmpeg) or name it with --ffmpeg");
        }
    }

    /** {@code FROM:TO:STEP} or a comma-separated list. */
    static List<Double> parseThresholds(String text) {
        try {
            if (text.contains(":")) {
                String[] p = text.split(":");
                if (p.length != 3) {
                    throw new NumberFormatException("need FROM:TO:STEP");
                }
                return FfmpegPeer.thresholds(Double.parseDouble(p[0]), Double.parseDouble(p[1]),
                        Double.parseDouble(p[2]));
            }
            var list = new ArrayList<Double>();
            for (String t : text.split(",")) {
                list.add(Double.parseDouble(t.trim()));
            }
            return list;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("--thresholds must be FROM:TO:STEP or T,T,... (e.g. 0.05:0.60:0.05), got '"
                    + text + "': " + e.getMessage());
        }
    }
}
