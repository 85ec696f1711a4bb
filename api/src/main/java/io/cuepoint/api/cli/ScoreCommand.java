package io.cuepoint.api.cli;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.eval.DetectedEvent;
import io.cuepoint.api.eval.GroundTruth;
import io.cuepoint.api.eval.Scorer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Scores one timeline against one clip's ground truth and prints the table. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score a timeline (cuepoint analyze --out) against a clip's ground truth: precision, recall "
                + "and F1 per event type.")
final class ScoreCommand implements Callable<Integer> {
    @ParentCommand
    CuepointCommand parent;

    @Parameters(index = "0", paramLabel = "TRUTH", description = "the clip's <clip>.truth.json")
    Path truthFile;

    @Parameters(index = "1", paramLabel = "TIMELINE", description = "the timeline JSON that cuepoint analyze wrote")
    Path timelineFile;

    @Override
    public Integer call() {
        var err = parent.spec.commandLine().getErr();
        try {
            GroundTruth truth;
            try {
                truth = GroundTruth.read(truthFile);
            } catch (IOException e) {
                throw ApiException.badRequest(e.getMessage());
            }
            var card = Scorer.score(truth, DetectedEvent.readTimeline(timelineFile));
            var out = parent.spec.commandLine().getOut();
            out.printf("%s against %s (%s)%n%n", timelineFile, truthFile, truth.clip());
            out.print(card.table());
            out.flush();
            return 0;
        } catch (ApiException e) {
            err.println("cuepoint: " + e.getMessage());
            return 2;
        }
    }
}
