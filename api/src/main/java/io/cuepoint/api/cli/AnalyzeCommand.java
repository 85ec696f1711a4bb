package io.cuepoint.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.analyzer.AnalyzerConfig;
import io.cuepoint.api.embedded.AllInOne;
import io.cuepoint.api.embedded.LocalAnalysis;
import io.cuepoint.api.engagement.EngagementService;
import io.cuepoint.api.ops.Management;
import io.cuepoint.api.ops.ManagementConfig;
import io.cuepoint.api.skills.SkillsService;
import io.cuepoint.api.timeline.TimelineExport;
import io.cuepoint.ingest.IngestConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
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
    /** The engagement windows behind the summary's mean score: the api's default. */
    private static final long SUMMARY_WINDOW_MS = 10_000;

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
        var options = LocalAnalysis.options(dir, IngestConfig.fromEnvironment(env), AnalyzerConfig.fromEnvironment(env),
                List.of(input.getParent()));
        err.println("Starting the embedded Kafka broker and PostgreSQL (logs: "
                + dir.resolve("logs").resolve("cuepoint.log") + ")");
        // Management endpoints only when CUEPOINT_MANAGEMENT_PORT is set: a one-off run has nobody probing it.
        try (var management = Management.start(ManagementConfig.fromEnvironment(env, false));
             var cuepoint = AllInOne.start(options)) {
            cuepoint.watch(management);
            var bar = new ProgressBar(err, System.console() != null);
            LocalAnalysis.Result result;
            try {
                result = LocalAnalysis.analyze(cuepoint, input, bar::update);
            } finally {
                bar.finish();
            }
            if (!result.completed()) {
                err.println("cuepoint: analysis of " + file + " failed: " + result.video().error());
                return 1;
            }
            write(cuepoint.context().getBean(ObjectMapper.class), result.export(), output);
            String id = result.export().video().id();
            var engagement = cuepoint.context().getBean(EngagementService.class).engagement(id, SUMMARY_WINDOW_MS);
            var skills = cuepoint.context().getBean(SkillsService.class).skills(id);
            parent.spec.commandLine().getOut().print(Summary.of(result.export(), result.took(), cuepoint.startup(),
                    output, engagement, skills));
            parent.spec.commandLine().getOut().flush();
            return 0;
        }
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
