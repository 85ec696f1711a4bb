package io.cuepoint.api.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cuepoint corpus}: renders the evaluation corpus with its ground truth. */
@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = "Render evaluation clips (lecture, shots, camera, motion, technical) with exact ground truth.")
public final class CorpusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "output directory (created if missing)")
    Path out;

    @Option(names = "--size", defaultValue = "slice",
            description = "slice (about 90 s at 640x360) or full (about 19 min at 1280x720); default slice")
    String size;

    @Option(names = "--seed", defaultValue = "7", description = "random seed; the same seed gives the same corpus (default 7)")
    long seed;

    @Override
    public Integer call() throws Exception {
        CorpusSize corpusSize = CorpusSize.parse(size);
        try {
            Stills.requireAll();
        } catch (IllegalStateException missing) {
            // A machine without the source pictures: say which package to install, without a stack trace.
            spec.commandLine().getErr().println("cuepoint: " + missing.getMessage());
            return 2;
        }
        var console = spec.commandLine().getOut();
        console.printf("Rendering the %s corpus (seed %d) into %s%n", corpusSize.name().toLowerCase(java.util.Locale.ROOT),
                seed, out);
        console.flush();
        long t0 = System.nanoTime();
        List<Path> truths = CorpusGenerator.generate(out, corpusSize, seed, line -> {
            synchronized (console) {
                console.println(line);
                console.flush();
            }
        });
        double seconds = 0;
        for (Path truth : truths) {
            seconds += GroundTruth.read(truth).durationMs() / 1000.0;
        }
        console.printf("%d clips, %.1f s of video, in %.1f s%n", truths.size(), seconds, (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
