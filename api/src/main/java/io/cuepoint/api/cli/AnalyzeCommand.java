package io.cuepoint.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.api.embedded.AllInOne;
import io.cuepoint.api.store.VideoStatus;
import io.cuepoint.api.submit.VideoSubmissions;
import io.cuepoint.api.timeline.TimelineExport;
import io.cuepoint.api.timeline.TimelineService;
import io.cuepoint.api.timeline.VideoResource;
import io.cuepoint.ingest.IngestConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Analyses one file end to end on the embedded default (real Kafka broker and PostgreSQL in this
 * process) and writes its timeline as JSON.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse a video end to end in this process and write its timeline as JSON.")
final class AnalyzeCommand implements Callable<Integer> {
    /** Give up when the job's progress has not moved for this long: something is wedged. */
    private static final Duration STALL_LIMIT = Duration.ofMinutes(10);
    private static final long REFRESH_MILLIS = 200;

    @ParentCommand
    CuepointCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "the video to analyse")
    Path file;

    @Option(names = {"-o", "--out"}, paramLabel = "JSON",
            description = "where to write the timeline (default: FILE's name with .timeline.json, here)")
    Path out;

    @Option(names = "--data-dir", description = "state directory (env CUEPOINT_DATA_DIR, default ~/.cuepoint)")
    Path dataDir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        var err = parent.spec.commandLine().getErr();
        Path input = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
            err.println("cuepoint: cannot read " + file + (Files.exists(input) ? ": not a readable file" : ": no such file"));
            return 2;
        }
        Path output = out != null ? out : Path.of(baseName(input) + ".timeline.json");
        var env = parent.environment();
        Path dir = dataDir != null ? dataDir : Settings.dataDir(env);
        var options = new AllInOne.Options(dir, IngestConfig.fromEnvironment(env), AnalyzerConfig.fromEnvironment(env),
                false, Map.of(
                        // No HTTP server runs in this mode; the api still refuses to start without a key.
                        "cuepoint.api-keys", "analyze-" + UUID.randomUUID(),
                        "cuepoint.allow-server-paths", true,
                        "cuepoint.server-path-roots", input.getParent().toString()));
        err.println("Starting the embedded Kafka broker and PostgreSQL (logs: "
                + dir.resolve("logs").resolve("cuepoint.log") + ")");
        try (var cuepoint = AllInOne.start(options)) {
            var timelines = cuepoint.context().getBean(TimelineService.class);
            long t0 = System.nanoTime();
            VideoResource video = cuepoint.context().getBean(VideoSubmissions.class).submitPath(input.toString());
            video = follow(video.id(), timelines, new ProgressBar(err, System.console() != null));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            if (video.status() != VideoStatus.COMPLETED) {
                err.println("cuepoint: analysis of " + file + " failed: " + video.error());
                return 1;
            }
            var export = TimelineExport.of(timelines.timeline(video.id()));
            write(cuepoint.context().getBean(ObjectMapper.class), export, output);
            parent.spec.commandLine().getOut().print(Summary.of(export, took, cuepoint.startup(), output));
            parent.spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private static VideoResource follow(String id, TimelineService timelines, ProgressBar bar)
            throws InterruptedException {
        VideoResource video = timelines.video(id);
        double lastProgress = -1;
        long lastChange = System.nanoTime();
        while (video.status() != VideoStatus.COMPLETED && video.status() != VideoStatus.FAILED) {
            bar.update(video.status().name().toLowerCase(), video.progress());
            if (video.progress() != lastProgress) {
                lastProgress = video.progress();
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > STALL_LIMIT.toNanos()) {
                bar.finish();
                throw new IllegalStateException("no progress for " + STALL_LIMIT.toMinutes()
                        + " minutes while " + video.status().name().toLowerCase() + "; see the log");
            }
            Thread.sleep(REFRESH_MILLIS);
            video = timelines.video(id);
        }
        bar.update(video.status().name().toLowerCase(), video.progress());
        bar.finish();
        return video;
    }

    private static void write(ObjectMapper mapper, TimelineExport export, Path output) throws IOException {
        Path absolute = output.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        // Written beside the target and moved, so an interrupted run never leaves half a file.
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        mapper.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), export);
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String baseName(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
