package io.cuepoint.api.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** The {@code cuepoint} command line run inside the test's JVM, with what it prints kept for assertions. */
final class CommandRun {
    private final Map<String, String> env;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** @param env the environment the command sees instead of the process's */
    CommandRun(Map<String, String> env) {
        this.env = env;
    }

    /** Runs one command; returns its exit code. Output accumulates over runs. */
    int run(String... args) {
        var commandLine = CuepointCommand.commandLine(new CuepointCommand(env));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** Forgets what was printed so far. */
    void clear() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
