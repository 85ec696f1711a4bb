package io.cuepoint.api.cli;

import io.cuepoint.analyzer.AnalyzerException;
import io.cuepoint.api.eval.CorpusCommand;
import io.cuepoint.api.ops.LogFormat;
import io.cuepoint.ingest.IngestException;
import io.micronaut.context.exceptions.ConfigurationException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code cuepoint} command line: the all-in-one modes ({@code analyze}, {@code serve}) and one
 * role per process for a cluster ({@code ingest}, {@code analyzer}, {@code api}).
 */
@Command(name = "cuepoint", mixinStandardHelpOptions = true, version = "cuepoint 0.1.0",
        description = "Timelines of what happens in recorded lectures and clinical skills videos.",
        subcommands = {AnalyzeCommand.class, ServeCommand.class, IngestRoleCommand.class,
                AnalyzerRoleCommand.class, ApiRoleCommand.class, InfraCommand.class, CorpusCommand.class,
                EvaluateCommand.class, ScoreCommand.class, DeadLettersCommand.class})
public final class CuepointCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;

    public CuepointCommand() {
        this(System.getenv());
    }

    /** A command line that reads its settings from {@code environment} instead of the process's. */
    public CuepointCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    Map<String, String> environment() {
        return environment;
    }

    public static void main(String[] args) {
        try {
            LogFormat.fromEnvironment(System.getenv()).apply();
        } catch (IllegalArgumentException e) {
            // No logger yet, and none should be created with a configuration the user did not ask for.
            System.err.println("cuepoint: " + e.getMessage());
            System.exit(1);
        }
        configureLogging(args, System.getenv());
        System.exit(commandLine(new CuepointCommand()).execute(args));
    }

    /** The parsed command line with Cuepoint's error handling. */
    public static CommandLine commandLine(CuepointCommand command) {
        return new CommandLine(command).setExecutionExceptionHandler(CuepointCommand::oneLineError);
    }

    /**
     * Decided before any logger exists. The all-in-one modes log to a file under the data directory;
     * {@code analyze} keeps the terminal for its progress bar and summary, {@code evaluate} for its report.
     */
    private static void configureLogging(String[] args, Map<String, String> env) {
        if (args.length == 0 || !(args[0].equals("analyze") || args[0].equals("serve") || args[0].equals("evaluate"))) {
            return;
        }
        Path dataDir = Settings.dataDir(env);
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals("--data-dir")) {
                dataDir = Path.of(args[i + 1]);
            }
        }
        System.setProperty("cuepoint.log.file", dataDir.resolve("logs").resolve("cuepoint.log").toString());
        if (args[0].equals("analyze") || args[0].equals("evaluate")) {
            System.setProperty("cuepoint.console.level", System.getProperty("cuepoint.console.level", "OFF"));
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * A failure is one line a user can act on. Bad settings need nothing more; anything else is also
     * logged with its stack trace (to the log file in the all-in-one modes).
     */
    private static int oneLineError(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        commandLine.getErr().println("cuepoint: " + message);
        var log = org.slf4j.LoggerFactory.getLogger(CuepointCommand.class);
        boolean badSetting = e instanceof IllegalArgumentException || e instanceof ConfigurationException
                || (e instanceof IngestException ie && ie.permanent()) || e instanceof AnalyzerException;
        if (badSetting) {
            log.debug("Command refused", e);
        } else {
            log.error("Command failed", e);
        }
        return 1;
    }
}
